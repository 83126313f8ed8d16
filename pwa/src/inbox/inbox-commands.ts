import type { PaletteCommand } from '../palette/palette-commands.ts';
import type { TriageForm } from '../triage/TriagePanel.tsx';
import type { BulkForm } from './BulkBar.tsx';
import type { InboxRow } from './inbox-rows.ts';

interface InboxState {
  current: InboxRow | undefined;
  editable: boolean;
  /** How many rows are ticked. */
  checked: number;
  unseen: number;
  startForm(kind: TriageForm): void;
  startBulk(kind: BulkForm): void;
  selectAll(): void;
  clearSelection(): void;
  markAllSeen(): void;
}

const GROUP = 'Inbox';

/** What the palette offers while the inbox is shown: the triage of the selected row, and more. */
export function inboxCommands(state: InboxState): PaletteCommand[] {
  const commands: PaletteCommand[] = [];
  const add = (id: string, label: string, run: () => void, shortcut?: string) =>
    commands.push({ id, group: GROUP, label, run, ...(shortcut ? { shortcut } : {}) });
  const { current, editable } = state;
  if (editable && current) {
    const name = current.name;
    add('inbox.open', `Open a record from ${name}`, () => state.startForm('open'), 'o');
    add('inbox.merge', `Merge ${name} into a record…`, () => state.startForm('merge'), 'm');
    add('inbox.dismiss', `Dismiss ${name} as noise…`, () => state.startForm('dismiss'), 'd');
    add('inbox.snooze', `Snooze ${name}…`, () => state.startForm('snooze'), 's');
  }
  if (editable && state.checked > 0) {
    const n = `${state.checked} selected`;
    add('inbox.bulk-dismiss', `Dismiss the ${n} as noise…`, () => state.startBulk('dismiss'));
    add('inbox.bulk-snooze', `Snooze the ${n}…`, () => state.startBulk('snooze'));
    add('inbox.bulk-merge', `Merge the ${n} into a record…`, () => state.startBulk('merge'));
    add('inbox.clear', 'Clear the selection', state.clearSelection);
  }
  if (editable) add('inbox.select-all', 'Select all visible tools', state.selectAll);
  if (state.unseen > 0) add('inbox.seen', 'Mark all as seen', state.markAllSeen);
  return commands;
}
