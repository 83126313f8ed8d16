import { useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { useDiscoveries, usePolicy } from '../sync/documents.ts';
import { DetailPanel } from './DetailPanel.tsx';
import { inboxRows } from './inbox-rows.ts';
import { InboxTable } from './InboxTable.tsx';
import { useListKeys } from './use-list-keys.ts';
import './inbox.css';

interface Props {
  discoveries: Y.Doc | undefined;
  policy: Y.Doc | undefined;
  canEditPolicy: boolean;
  updatedBy: string;
}

/** The discoveries inbox: newest first; j/k move, Enter opens the details, Escape closes them. */
export function Inbox({ discoveries, policy, canEditPolicy, updatedBy }: Props) {
  const { tools } = useDiscoveries(discoveries);
  const { statuses } = usePolicy(policy);
  const rows = useMemo(() => inboxRows(tools, statuses), [tools, statuses]);
  const [selected, setSelected] = useState<string>();
  const [open, setOpen] = useState(false);
  const index = rows.findIndex((row) => row.toolKey === selected);
  const move = (by: number) => {
    if (rows.length === 0) return;
    const next = index < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, index + by));
    setSelected(rows[next]!.toolKey);
  };
  useListKeys({
    next: () => move(1),
    previous: () => move(-1),
    open: () => index >= 0 && setOpen(true),
    close: () => setOpen(false),
  });
  const detail = open && index >= 0 ? rows[index] : undefined;

  return (
    <div className={detail ? 'inbox with-detail' : 'inbox'}>
      <section aria-labelledby="inbox-heading" className="inbox-list">
        <h1 id="inbox-heading">Inbox</h1>
        {rows.length === 0 ? (
          <p className="muted">
            No discoveries yet. They appear here as enrolled browser extensions report the AI tools
            people use.
          </p>
        ) : (
          <>
            <p className="muted keys-hint">
              {rows.length} {rows.length === 1 ? 'tool' : 'tools'}, newest first. <kbd>j</kbd>/
              <kbd>k</kbd> to move, <kbd>Enter</kbd> to open.
            </p>
            <InboxTable
              rows={rows}
              selected={selected}
              onSelect={(toolKey, andOpen) => {
                setSelected(toolKey);
                if (andOpen) setOpen(true);
              }}
            />
          </>
        )}
      </section>
      {detail && (
        <DetailPanel
          row={detail}
          policy={policy}
          canEditPolicy={canEditPolicy}
          updatedBy={updatedBy}
          onClose={() => setOpen(false)}
        />
      )}
    </div>
  );
}
