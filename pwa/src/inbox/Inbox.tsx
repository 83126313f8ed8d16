import { useEffect, useMemo, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { useOfferCommands } from '../palette/palette-commands.ts';
import { parseRoute, replaceRoute, useHash } from '../router/hash-route.ts';
import { useNetworkLog } from '../imports/use-network-log.ts';
import { useDiscoveries, usePolicy, useRegistryIndex } from '../sync/documents.ts';
import { isSetAside, triageLabel } from '../triage/triage-actions.ts';
import { TRIAGE_KEYS, type TriageForm } from '../triage/TriagePanel.tsx';
import { existingRecord } from '../triage/triage-extras.tsx';
import { useTriageUndo } from '../triage/triage-undo.ts';
import { recordHref } from '../inventory/list/record-href.ts';
import { BulkBar, type BulkForm } from './BulkBar.tsx';
import { DetailPanel } from './DetailPanel.tsx';
import { inboxCommands } from './inbox-commands.ts';
import type { InboxRow } from './inbox-rows.ts';
import { InboxTable } from './InboxTable.tsx';
import { inboxRowsWithNetworkLog } from './network-log-rows.ts';
import { isUnseen, lookNow, useLastLook } from './last-look.ts';
import { useCheckedRows } from './use-checked-rows.ts';
import { useListKeys } from './use-list-keys.ts';
import { SMALL_SCREEN, useMediaQuery } from '../ui/use-media-query.ts';
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
  /** The workspace, for this device's last look at its inbox. */
  workspace?: string;
  now?: () => number;
}

/**
 * The discoveries inbox: newest first; j/k move, Enter opens the details, Escape closes them;
 * o/m/d/s open, merge, dismiss or snooze the selected tool; x ticks it for a bulk action and
 * Shift+J/K tick while moving. Dismissed and snoozed tools are hidden unless asked for.
 */
export function Inbox({
  discoveries,
  policy,
  canEditPolicy,
  registry,
  canTriage = false,
  updatedBy,
  workspace = '',
  now = Date.now,
}: Props) {
  const { tools } = useDiscoveries(discoveries);
  const { statuses } = usePolicy(policy);
  // Names and tools only: the first paint does not read every field of every record.
  const { records, triage } = useRegistryIndex(registry);
  const { tools: networkLog } = useNetworkLog(registry);
  const allRows = useMemo(
    () => inboxRowsWithNetworkLog(tools, networkLog, statuses, triage),
    [tools, networkLog, statuses, triage],
  );
  const [showSetAside, setShowSetAside] = useState(false);
  const [onlyUnseen, setOnlyUnseen] = useState(false);
  const lastLook = useLastLook(workspace);
  const unseen = (row: InboxRow) => lastLook.loaded && isUnseen(row, lastLook.look);
  const at = now();
  const listed = showSetAside ? allRows : allRows.filter((row) => !isSetAside(row.triage, at));
  const unseenCount = listed.filter(unseen).length;
  const rows = onlyUnseen ? listed.filter(unseen) : listed;
  const setAside = allRows.length - allRows.filter((row) => !isSetAside(row.triage, at)).length;
  const byName = useMemo(
    () => [...records.values()].sort((a, b) => a.name.localeCompare(b.name)),
    [records],
  );
  const recordName = (id: string) => records.get(id)?.name;
  const editable = canTriage && registry !== undefined;
  const undo = useTriageUndo(editable ? registry : undefined);
  const undoLast = () => {
    if (undo.undo()) setMessage('Undone.');
  };
  // Ctrl+Z (⌘Z) undoes this device's latest triage, unless a text field has the focus.
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.key.toLowerCase() !== 'z') {
        return;
      }
      const target = event.target;
      if (
        target instanceof HTMLElement &&
        target.closest('input, textarea, select, [contenteditable]')
      ) {
        return;
      }
      event.preventDefault();
      undoLast();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const [selected, setSelected] = useState<string>();
  const [open, setOpenState] = useState(false);
  // Closing the details puts the focus back on the tool's row, where it was before they opened.
  const refocusRow = useRef(false);
  const setOpen = (next: boolean) => {
    if (open && !next) refocusRow.current = true;
    setOpenState(next);
  };
  useEffect(() => {
    if (open || !refocusRow.current) return;
    refocusRow.current = false;
    const row = selected && document.querySelector(`tr[data-tool-key="${CSS.escape(selected)}"]`);
    if (row) row.querySelector<HTMLElement>('button.link')?.focus();
  }, [open, selected]);
  // Below 900 px the details are a sheet over the list: the list is inert meanwhile.
  const sheet = useMediaQuery(SMALL_SCREEN);
  const [form, setForm] = useState<{ toolKey: string; kind: TriageForm }>();
  const [bulkForm, setBulkForm] = useState<BulkForm>();
  const [message, setMessage] = useState<string>();
  const visibleKeys = useMemo(() => rows.map((row) => row.toolKey), [rows]);
  const checks = useCheckedRows(visibleKeys);
  const index = rows.findIndex((row) => row.toolKey === selected);
  const current = index >= 0 ? rows[index] : undefined;
  const select = (toolKey: string | undefined) => {
    setSelected(toolKey);
    setForm(undefined);
  };
  const clamp = (i: number) => Math.min(rows.length - 1, Math.max(0, i));
  const move = (by: number) => {
    if (rows.length === 0) return;
    select(rows[index < 0 ? 0 : clamp(index + by)]!.toolKey);
  };
  const startForm = (kind: TriageForm) => {
    if (!editable || !current) return;
    setOpen(true);
    setForm({ toolKey: current.toolKey, kind });
  };
  useListKeys({
    next: () => move(1),
    previous: () => move(-1),
    extend: (by) => {
      if (!editable || rows.length === 0) return;
      const from = index < 0 ? 0 : index;
      const to = index < 0 ? 0 : clamp(index + by);
      checks.add(rows[from]!.toolKey, rows[to]!.toolKey);
      select(rows[to]!.toolKey);
    },
    open: () => index >= 0 && setOpen(true),
    close: () => {
      if (bulkForm) setBulkForm(undefined);
      else if (form) setForm(undefined);
      else setOpen(false);
    },
    letter: (key) => {
      if (!editable || !current) return false;
      if (key === 'x') {
        checks.toggle(current.toolKey);
        return true;
      }
      const kind = TRIAGE_KEYS[key];
      if (!kind) return false;
      // One record per tool: `o` on a tool that has one goes to it (the panel offers another).
      const existing =
        kind === 'open' ? existingRecord(current.toolKey, current.triage, byName) : undefined;
      if (existing) window.location.hash = recordHref(existing.id);
      else startForm(kind);
      return true;
    },
  });

  // A jump from the palette (#/inbox/<tool key>): show that tool, whatever the filters hid.
  const { path, rest } = parseRoute(useHash());
  const jumpTo = path === 'inbox' ? rest[0] : undefined;
  useEffect(() => {
    const row = jumpTo ? allRows.find((r) => r.toolKey === jumpTo) : undefined;
    if (!row) return;
    if (isSetAside(row.triage, now())) setShowSetAside(true);
    setOnlyUnseen(false);
    setSelected(row.toolKey);
    setForm(undefined);
    setOpenState(true);
    replaceRoute('#/inbox');
  }, [jumpTo, allRows, now]);

  const markAllSeen = () => {
    lastLook.markSeen(lookNow(allRows, now()));
    setOnlyUnseen(false);
    setMessage('Marked every tool as seen.');
  };

  useOfferCommands(
    'inbox',
    inboxCommands({
      current,
      editable,
      checked: checks.checked.size,
      unseen: unseenCount,
      startForm,
      startBulk: setBulkForm,
      selectAll: () => checks.setAll(visibleKeys),
      clearSelection: checks.clear,
      markAllSeen,
    }),
  );
  const detail = open ? current : undefined;

  /** After a decision: say so, and when the tool leaves the list, select its neighbour. */
  function triaged(text: string, hides: boolean, affected = current ? [current.toolKey] : []) {
    setMessage(text);
    if (!hides || showSetAside || index < 0 || !affected.includes(rows[index]!.toolKey)) return;
    const staying = (row: InboxRow | undefined) => row && !affected.includes(row.toolKey);
    const neighbour = rows.slice(index + 1).find(staying) ?? rows.slice(0, index).findLast(staying);
    select(neighbour?.toolKey);
    if (!neighbour) setOpen(false);
  }

  return (
    <div className={detail ? 'inbox with-detail' : 'inbox'}>
      <section
        aria-labelledby="inbox-heading"
        className="inbox-list"
        inert={detail !== undefined && sheet}
      >
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
                    record, <kbd>d</kbd> dismiss, <kbd>s</kbd> snooze; <kbd>x</kbd> selects it for a
                    bulk action. <kbd>Ctrl</kbd>+<kbd>K</kbd> for every command.
                  </>
                ) : (
                  '.'
                )}
              </p>
              <div className="inbox-filters">
                <label className="inbox-filter">
                  <input
                    type="checkbox"
                    checked={onlyUnseen}
                    onChange={(event) => setOnlyUnseen(event.target.checked)}
                  />{' '}
                  Only new since last look ({unseenCount})
                </label>
                <label className="inbox-filter">
                  <input
                    type="checkbox"
                    checked={showSetAside}
                    onChange={(event) => setShowSetAside(event.target.checked)}
                  />{' '}
                  Show dismissed and snoozed ({setAside})
                </label>
                <button type="button" onClick={markAllSeen} disabled={unseenCount === 0}>
                  Mark all as seen
                </button>
              </div>
            </div>
            {message && (
              <div className="triage-toast">
                <p role="status" className="triage-message">
                  {message}
                </p>
                {undo.canUndo && message !== 'Undone.' && (
                  <button type="button" onClick={undoLast} aria-keyshortcuts="Control+Z">
                    Undo
                  </button>
                )}
              </div>
            )}
            {editable && checks.checked.size > 0 && (
              <BulkBar
                toolKeys={[...checks.checked]}
                registry={registry}
                records={byName}
                actor={() => ({ by: updatedBy, at: now() })}
                form={bulkForm}
                onForm={setBulkForm}
                onClear={checks.clear}
                onDone={(text, hides) => {
                  const affected = [...checks.checked];
                  checks.clear();
                  triaged(text, hides, affected);
                }}
              />
            )}
            {rows.length === 0 ? (
              <p className="muted">
                {onlyUnseen
                  ? 'Nothing new since your last look.'
                  : 'Every tool here is dismissed or snoozed.'}
              </p>
            ) : (
              <InboxTable
                rows={rows}
                selected={selected}
                triageText={(row) => triageLabel(row.triage, at, recordName)}
                onSelect={(toolKey, andOpen) => {
                  if (toolKey !== selected) select(toolKey);
                  if (andOpen) setOpen(true);
                }}
                checked={editable ? checks.checked : undefined}
                onCheck={checks.toggle}
                onCheckAll={(all) => (all ? checks.setAll(visibleKeys) : checks.clear())}
                unseen={unseen}
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
          onTriaged={(text, hides) => triaged(text, hides)}
          updatedBy={updatedBy}
          now={now}
          onClose={() => setOpen(false)}
        />
      )}
    </div>
  );
}
