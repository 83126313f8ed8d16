import type { HistoryEntry, RegistryRecord } from '../../../../shared/documents/registry/index.ts';
import { FIELD_LABELS, formatTime, personShown, relativeTime } from './record-words.ts';

interface Props {
  record: RegistryRecord;
  history: HistoryEntry[];
  now: number;
}

const ACTION_WORDS: Record<HistoryEntry['action'], string> = {
  edited: 'changed',
  'note-added': 'added a note',
  'note-removed': 'removed a note',
};

function When({ at, now }: { at: number; now: number }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={formatTime(at)}>
      {relativeTime(at, now)}
    </time>
  );
}

/** Who changed what and when, newest first; the record's creation closes the list. */
export function RecordHistory({ record, history, now }: Props) {
  return (
    <section aria-labelledby="record-history-heading" className="record-history">
      <h2 id="record-history-heading">History</h2>
      <ol className="history-list">
        {history.map((entry, i) => (
          <li key={`${entry.at}-${i}`}>
            <p>
              <strong>{personShown(entry.by)}</strong> {ACTION_WORDS[entry.action]}
              {entry.action === 'edited' &&
                ` ${entry.fields.map((f) => FIELD_LABELS[f] ?? f).join(', ')}`}{' '}
              · <When at={entry.at} now={now} />
            </p>
            {entry.summary && <p className="history-summary">{entry.summary}</p>}
          </li>
        ))}
        {record.createdAt > 0 && (
          <li>
            <p>
              <strong>{personShown(record.createdBy)}</strong> created the record ·{' '}
              <When at={record.createdAt} now={now} />
            </p>
          </li>
        )}
      </ol>
    </section>
  );
}
