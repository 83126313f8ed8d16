import { Suspense, useState } from 'react';
import { lazyOptional } from '../ui/lazy-part.tsx';
import type { WorkspaceSync } from '../sync/workspace-sync.ts';
import type { PaletteStart } from './CommandPalette.tsx';
import { PaletteTrigger } from './PaletteTrigger.tsx';
import { usePaletteKeys } from './use-palette-keys.ts';

// The palette (cmdk, its search index, every workspace source) is not part of the first load
// (docs/pwa.md, "Speed"): it loads right after the first paint. A device offline before the
// service worker holds its chunk goes without the palette; the pages keep working.
const CommandPalette = lazyOptional(() =>
  import('./CommandPalette.tsx').then((module) => module.CommandPalette),
);

/**
 * The command palette, loaded on demand: until it is there, its button and its keys (Ctrl+K, ⌘K,
 * '?') are, and what they asked for opens as soon as it has loaded.
 */
export function LazyCommandPalette({ sync }: { sync: WorkspaceSync }) {
  const [asked, setAsked] = useState<PaletteStart>();
  return (
    <Suspense fallback={<PendingPalette ask={setAsked} />}>
      <CommandPalette sync={sync} start={asked} />
    </Suspense>
  );
}

function PendingPalette({ ask }: { ask(start: PaletteStart): void }) {
  usePaletteKeys({ toggle: () => ask('palette'), shortcuts: () => ask('shortcuts') });
  return <PaletteTrigger onOpen={() => ask('palette')} loading />;
}
