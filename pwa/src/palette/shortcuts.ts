/** Every keyboard shortcut, as the shortcuts dialog lists them. */
export const SHORTCUTS: ReadonlyArray<{ keys: string[]; what: string }> = [
  { keys: ['Ctrl', 'K'], what: 'Open the command palette (⌘K on a Mac)' },
  { keys: ['?'], what: 'Show these shortcuts' },
  { keys: ['j'], what: 'Inbox: next tool' },
  { keys: ['k'], what: 'Inbox: previous tool' },
  { keys: ['Enter'], what: 'Inbox: open the selected tool' },
  { keys: ['Escape'], what: 'Close the form, the details or a dialog' },
  { keys: ['o'], what: 'Inbox: open a record from the selected tool' },
  { keys: ['m'], what: 'Inbox: merge the selected tool into a record' },
  { keys: ['d'], what: 'Inbox: dismiss the selected tool as noise' },
  { keys: ['s'], what: 'Inbox: snooze the selected tool' },
  { keys: ['x'], what: 'Inbox: select the tool for a bulk action' },
  { keys: ['Shift', 'J'], what: 'Inbox: select and move down' },
  { keys: ['Shift', 'K'], what: 'Inbox: select and move up' },
];
