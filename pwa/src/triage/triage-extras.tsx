import type { RecordRef, TriageEntry } from '../../../shared/documents/registry/index.ts';
import { recordHref } from '../inventory/list/record-href.ts';

const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The record a tool already has: the one its triage names, else one listing it as a detection. */
export function existingRecord(
  toolKey: string,
  entry: TriageEntry | undefined,
  records: readonly RecordRef[],
): RecordRef | undefined {
  const named = entry?.recordId ? records.find((r) => r.id === entry.recordId) : undefined;
  return named ?? records.find((r) => r.toolKeys.includes(toolKey));
}

/** Instead of a second record for the same tool: a link to the one it has, or "another anyway". */
export function ExistingRecord(props: { record: RecordRef; onAnother(): void; onCancel(): void }) {
  return (
    <div className="triage-form" role="group" aria-label="This tool has a record">
      <p>
        This tool already has a record:{' '}
        <a href={recordHref(props.record.id)}>{props.record.name}</a>.
      </p>
      <div className="triage-form-buttons">
        <button type="button" onClick={props.onAnother}>
          Open a second record anyway
        </button>
        <button type="button" onClick={props.onCancel}>
          Cancel
        </button>
      </div>
    </div>
  );
}

const STATE_WORDS: Record<TriageEntry['state'], string> = {
  new: 'New',
  open: 'Opened as a record',
  merged: 'Merged into a record',
  dismissed: 'Dismissed',
  snoozed: 'Snoozed',
};

/** The decisions the current one replaced (kept by setTriage), newest first. */
export function EarlierDecisions(props: {
  earlier: readonly TriageEntry[];
  recordName(id: string): string | undefined;
}) {
  return (
    <details className="triage-earlier">
      <summary>Earlier decisions ({props.earlier.length})</summary>
      <ol>
        {props.earlier.map((entry, i) => (
          <li key={`${entry.at}-${i}`}>
            {STATE_WORDS[entry.state]}
            {entry.recordId && ` (${props.recordName(entry.recordId) ?? entry.recordId})`} by{' '}
            {entry.by} on {dayOf(entry.at)}
            {entry.reason && `: ${entry.reason}`}
            {entry.snoozedUntil !== undefined && ` until ${dayOf(entry.snoozedUntil)}`}
          </li>
        ))}
      </ol>
    </details>
  );
}
