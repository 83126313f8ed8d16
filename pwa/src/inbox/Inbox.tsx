import { useMemo, useState } from 'react';
import type * as Y from 'yjs';
import { useDiscoveries, usePolicy, useRegistry } from '../sync/documents.ts';
import { isSetAside, triageLabel } from '../triage/triage-actions.ts';
import { TRIAGE_KEYS, type TriageForm } from '../triage/TriagePanel.tsx';
import { DetailPanel } from './DetailPanel.tsx';
import { inboxRows } from './inbox-rows.ts';
import { InboxTable } from './InboxTable.tsx';
import { useListKeys } from './use-list-keys.ts';
import './inbox.css';

interface Props {
  discoveries: Y.Doc | undefined;
  policy: Y.Doc | undefined;
  canEditPolicy: boolean;
  /** The registry (triage decisions and records); undefined for a role that has none. */
  registry?: Y.Doc | undefined;
  /** Admins and leads triage; contributors read the decisions. */
  canTriage?: boolean;
  updatedBy: string;
  now?: () => number;
}

/**
 * The discoveries inbox: newest first; j/k move, Enter opens the details, Escape closes them;
 * o/m/d/s open, merge, dismiss or snooze the selected tool. Dismissed and snoozed tools are
 * hidden unless asked for.
 */
export function Inbox({
  discoveries,
  policy,
  canEditPolicy,
  registry,
  canTriage = false,
  updatedBy,
  now = Date.now,
}: Props) {
  const { tools } = useDiscoveries(discoveries);
  const { statuses } = usePolicy(policy);
  const { records, triage } = useRegistry(registry);
  const allRows = useMemo(() => inboxRows(tools, statuses, triage), [tools, statuses, triage]);
  const [showSetAside, setShowSetAside] = useState(false);
  const at = now();
  const rows = showSetAside ? allRows : allRows.filter((row) => !isSetAside(row.triage, at));
  const setAside = allRows.filter((row) => isSetAside(row.triage, at)).length;
  const byName = useMemo(
    () => [...records.values()].sort((a, b) => a.name.localeCompare(b.name)),
    [records],
  );
  const recordName = (id: string) => records.get(id)?.name;
  const editable = canTriage && registry !== undefined;

  const [selected, setSelected] = useState<string>();
  const [open, setOpen] = useState(false);
  const [form, setForm] = useState<{ toolKey: string; kind: TriageForm }>();
  const [message, setMessage] = useState<string>();
  const index = rows.findIndex((row) => row.toolKey === selected);
  const select = (toolKey: string | undefined) => {
    setSelected(toolKey);
    setForm(undefined);
  };
  const move = (by: number) => {
    if (rows.length === 0) return;
    const next = index < 0 ? 0 : Math.min(rows.length - 1, Math.max(0, index + by));
    select(rows[next]!.toolKey);
  };
  useListKeys({
    next: () => move(1),
    previous: () => move(-1),
    open: () => index >= 0 && setOpen(true),
    close: () => (form ? setForm(undefined) : setOpen(false)),
    letter: (key) => {
      const kind = TRIAGE_KEYS[key];
      if (!kind || !editable || index < 0) return false;
      setOpen(true);
      setForm({ toolKey: rows[index]!.toolKey, kind });
      return true;
    },
  });
  const detail = open && index >= 0 ? rows[index] : undefined;

  /** After a decision: say so, and when the tool leaves the list, select its neighbour. */
  function triaged(text: string, hides: boolean) {
    setMessage(text);
    if (!hides || showSetAside || index < 0) return;
    const neighbour = rows[index + 1] ?? rows[index - 1];
    select(neighbour?.toolKey);
    if (!neighbour) setOpen(false);
  }

  return (
    <div className={detail ? 'inbox with-detail' : 'inbox'}>
      <section aria-labelledby="inbox-heading" className="inbox-list">
        <h1 id="inbox-heading">Inbox</h1>
        {allRows.length === 0 ? (
          <p className="muted">
            No discoveries yet. They appear here as enrolled browser extensions report the AI tools
            people use.
          </p>
        ) : (
          <>
            <div className="inbox-toolbar">
              <p className="muted keys-hint">
                {rows.length} {rows.length === 1 ? 'tool' : 'tools'}, newest first. <kbd>j</kbd>/
                <kbd>k</kbd> to move, <kbd>Enter</kbd> to open
                {editable ? (
                  <>
                    ; on the selected tool <kbd>o</kbd> open a record, <kbd>m</kbd> merge into a
                    record, <kbd>d</kbd> dismiss, <kbd>s</kbd> snooze.
                  </>
                ) : (
                  '.'
                )}
              </p>
              <label className="inbox-filter">
                <input
                  type="checkbox"
                  checked={showSetAside}
                  onChange={(event) => setShowSetAside(event.target.checked)}
                />{' '}
                Show dismissed and snoozed ({setAside})
              </label>
            </div>
            {message && (
              <p role="status" className="triage-message">
                {message}
              </p>
            )}
            {rows.length === 0 ? (
              <p className="muted">Every tool here is dismissed or snoozed.</p>
            ) : (
              <InboxTable
                rows={rows}
                selected={selected}
                triageText={(row) => triageLabel(row.triage, at, recordName)}
                onSelect={(toolKey, andOpen) => {
                  if (toolKey !== selected) select(toolKey);
                  if (andOpen) setOpen(true);
                }}
              />
            )}
          </>
        )}
      </section>
      {detail && (
        <DetailPanel
          row={detail}
          policy={policy}
          canEditPolicy={canEditPolicy}
          registry={registry}
          records={byName}
          canTriage={canTriage}
          triageForm={form?.toolKey === detail.toolKey ? form.kind : undefined}
          onTriageForm={(kind) => setForm(kind && { toolKey: detail.toolKey, kind })}
          onTriaged={triaged}
          updatedBy={updatedBy}
          now={now}
          onClose={() => setOpen(false)}
        />
      )}
    </div>
  );
}
