import { Command } from 'cmdk';
import { Dialog } from 'radix-ui';
import { useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { useAssessmentIndex } from '../assessments/use-assessments.ts';
import { catalogTools, useBuiltInCatalog } from '../catalog-browser/catalog-source.ts';
import { useRisks } from '../risks/use-risks.ts';
import { useRiskRefs } from '../risks/use-risk-refs.ts';
import { useDiscoveries, usePolicy, useRegistry } from '../sync/documents.ts';
import type { WorkspaceSync } from '../sync/workspace-sync.ts';
import { usePaletteCommandList, type PaletteCommand } from './palette-commands.ts';
import { cachedItemsIndex, helpCommand, paletteItems } from './palette-items.ts';
import { placesAndActions, workspaceItems, type Navigate } from './palette-sources.ts';
import { PaletteTrigger } from './PaletteTrigger.tsx';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { usePaletteKeys } from './use-palette-keys.ts';
import './palette.css';

/** What was asked for before the palette loaded (LazyCommandPalette.tsx). */
export type PaletteStart = 'palette' | 'shortcuts' | undefined;

interface Props {
  sync: WorkspaceSync;
  navigate?: Navigate;
  start?: PaletteStart;
}

const goTo: Navigate = (hash) => void (window.location.hash = hash);

/**
 * The command palette (Ctrl+K or ⌘K): go to a section, jump to a tool or a record by name, or
 * run what the page offers (the inbox's triage of its selected row). '?' lists the shortcuts.
 * A Radix dialog: focus stays inside while it is open and returns when it closes.
 */
export function CommandPalette({ sync, navigate = goTo, start }: Props) {
  const [open, setOpen] = useState(start === 'palette');
  const [shortcuts, setShortcuts] = useState(start === 'shortcuts');
  const [query, setQuery] = useState('');
  const ran = useRef(false);
  const showShortcuts = useCallback(() => setShortcuts(true), []);
  const page = usePaletteCommandList();
  const pageCommands = useSyncExternalStore(page.subscribe, page.list);
  usePaletteKeys({
    toggle: () => setOpen((was) => !was),
    shortcuts: () => !open && setShortcuts(true),
  });
  useEffect(() => {
    if (open) setQuery('');
  }, [open]);

  return (
    <>
      <PaletteTrigger onOpen={() => setOpen(true)} />
      <Dialog.Root open={open} onOpenChange={setOpen}>
        <Dialog.Portal>
          <Dialog.Overlay className="palette-overlay" />
          <Dialog.Content
            className="palette"
            aria-describedby={undefined}
            onOpenAutoFocus={() => (ran.current = false)}
            onCloseAutoFocus={(event) => {
              // A command that moved focus (a form it opened) keeps it.
              if (ran.current) event.preventDefault();
            }}
          >
            <Dialog.Title className="visually-hidden">Command palette</Dialog.Title>
            <Command label="Commands" shouldFilter={false} loop vimBindings={false}>
              <Command.Input
                value={query}
                onValueChange={setQuery}
                placeholder="A page, an action, a record, risk, assessment or tool…"
              />
              <PaletteList
                sync={sync}
                query={query}
                pageCommands={pageCommands}
                navigate={navigate}
                showShortcuts={showShortcuts}
                onRun={() => {
                  ran.current = true;
                  setOpen(false);
                }}
              />
            </Command>
          </Dialog.Content>
        </Dialog.Portal>
      </Dialog.Root>
      <ShortcutsDialog open={shortcuts} onOpenChange={setShortcuts} />
    </>
  );
}

interface ListProps {
  sync: WorkspaceSync;
  query: string;
  pageCommands: readonly PaletteCommand[];
  navigate: Navigate;
  showShortcuts(): void;
  onRun(): void;
}

/**
 * The matches for the query. Mounted only while the palette is open (Radix mounts the content
 * then), so the shell does not read the documents on every change.
 */
function PaletteList({ sync, query, pageCommands, navigate, showShortcuts, onRun }: ListProps) {
  const registry = sync.doc('registry');
  const { tools } = useDiscoveries(sync.doc('discoveries'));
  const { records } = useRegistry(registry);
  const { risks } = useRisks(registry);
  const refs = useRiskRefs(registry);
  const { assessments } = useAssessmentIndex(registry);
  const { tools: workspaceTools } = usePolicy(sync.doc('policy'));
  const builtIn = useBuiltInCatalog();
  const commands = useMemo(
    () => [
      ...placesAndActions(navigate, { editRegistry: sync.access.get('registry') === 'write' }),
      ...pageCommands,
      helpCommand(showShortcuts),
    ],
    [navigate, sync, pageCommands, showShortcuts],
  );
  const items = useMemo(
    () =>
      query.trim() === ''
        ? undefined
        : cachedItemsIndex(
            [tools, records, risks, refs, assessments, workspaceTools, builtIn, navigate],
            () =>
              workspaceItems({
                navigate,
                records: records.values(),
                risks: risks.values(),
                riskRefs: refs,
                assessments,
                discoveries: tools,
                catalog: catalogTools(builtIn ?? [], workspaceTools),
              }),
          ),
    [query, tools, records, risks, refs, assessments, workspaceTools, builtIn, navigate],
  );
  const shown = paletteItems({ query, commands, items });
  const groups = [...new Set(shown.map((item) => item.group))];
  return (
    <Command.List>
      <Command.Empty>Nothing matches “{query}”.</Command.Empty>
      {groups.map((group) => (
        <Command.Group key={group} heading={group}>
          {shown
            .filter((item) => item.group === group)
            .map((item) => (
              <Command.Item
                key={item.id}
                value={item.id}
                onSelect={() => {
                  onRun();
                  item.run();
                }}
              >
                <span className="palette-label">{item.label}</span>
                {item.detail && <span className="palette-detail muted">{item.detail}</span>}
                {item.shortcut && <kbd>{item.shortcut}</kbd>}
              </Command.Item>
            ))}
        </Command.Group>
      ))}
    </Command.List>
  );
}
