import {
  historyWords,
  type HistoryEntry,
  type HistoryNames,
  type RegistryRecord,
} from '../../../../shared/documents/registry/index.ts';
import { formatTime, personShown, relativeTime } from './record-words.ts';

interface Props {
  record: RegistryRecord;
  history: HistoryEntry[];
  now: number;
  /** The workspace's tier names, for tier decisions. */
  names?: HistoryNames;
}

function When({ at, now }: { at: number; now: number }) {
  return (
    <time dateTime={new Date(at).toISOString()} title={formatTime(at)}>
      {relativeTime(at, now)}
    </time>
  );
}

/**
 * Who decided what and when, newest first, in words (history-words.ts, which exports use too);
 * the record's creation closes the list.
 */
export function RecordHistory({ record, history, now, names }: Props) {
  return (
    <section aria-labelledby="record-history-heading" className="record-history">
      <h2 id="record-history-heading">History</h2>
      <ol className="history-list">
        {history.map((entry, i) => {
          const words = historyWords(entry, names);
          return (
            <li key={`${entry.at}-${i}`}>
              <p>
                <strong>{personShown(entry.by)}</strong> {words.action} ·{' '}
                <When at={entry.at} now={now} />
              </p>
              {words.lines.map((line, j) => (
                <p key={j} className="history-summary">
                  {line}
                </p>
              ))}
            </li>
          );
        })}
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
