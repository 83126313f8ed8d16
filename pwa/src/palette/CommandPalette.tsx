import { Command } from 'cmdk';
import { Dialog } from 'radix-ui';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useDiscoveries, useRegistry } from '../sync/documents.ts';
import type { WorkspaceSync } from '../sync/workspace-sync.ts';
import { usePaletteCommandList } from './palette-commands.ts';
import { paletteItems, type Navigate } from './palette-items.ts';
import { ShortcutsDialog } from './ShortcutsDialog.tsx';
import { usePaletteKeys } from './use-palette-keys.ts';
import './palette.css';

interface Props {
  sync: WorkspaceSync;
  navigate?: Navigate;
}

const goTo: Navigate = (hash) => void (window.location.hash = hash);

/**
 * The command palette (Ctrl+K or ⌘K): go to a section, jump to a tool or a record by name, or
 * run what the page offers (the inbox's triage of its selected row). '?' lists the shortcuts.
 * A Radix dialog: focus stays inside while it is open and returns when it closes.
 */
export function CommandPalette({ sync, navigate = goTo }: Props) {
  const [open, setOpen] = useState(false);
  const [shortcuts, setShortcuts] = useState(false);
  const [query, setQuery] = useState('');
  const ran = useRef(false);
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
      <button
        type="button"
        className="palette-trigger"
        aria-keyshortcuts="Control+K Meta+K"
        onClick={() => setOpen(true)}
      >
        Commands <kbd>Ctrl K</kbd>
      </button>
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
                placeholder="Type a command, a tool or a record…"
              />
              <PaletteList
                sync={sync}
                query={query}
                pageCommands={pageCommands}
                navigate={navigate}
                showShortcuts={() => setShortcuts(true)}
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
  pageCommands: Parameters<typeof paletteItems>[0]['pageCommands'];
  navigate: Navigate;
  showShortcuts(): void;
  onRun(): void;
}

/**
 * The matches for the query. Mounted only while the palette is open (Radix mounts the content
 * then), so the shell does not read the discoveries and the registry on every change.
 */
function PaletteList({ sync, query, pageCommands, navigate, showShortcuts, onRun }: ListProps) {
  const { tools } = useDiscoveries(sync.doc('discoveries'));
  const { records } = useRegistry(sync.doc('registry'));
  const items = paletteItems({
    query,
    tools,
    records: records.values(),
    pageCommands,
    navigate,
    showShortcuts,
  });
  const groups = [...new Set(items.map((item) => item.group))];
  return (
    <Command.List>
      <Command.Empty>Nothing matches “{query}”.</Command.Empty>
      {groups.map((group) => (
        <Command.Group key={group} heading={group}>
          {items
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
                <span>{item.label}</span>
                {item.shortcut && <kbd>{item.shortcut}</kbd>}
              </Command.Item>
            ))}
        </Command.Group>
      ))}
    </Command.List>
  );
}
