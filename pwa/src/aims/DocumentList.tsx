import { isReviewDue, type DocumentRow } from '../../../shared/documents/aims/index.ts';
import { optionWords } from './aims-words.ts';

const day = (time: number) => new Date(time).toISOString().slice(0, 10);

/** The documents the product controls itself (the AI policy, the scope), shown in 7.5's register. */
export function ControlledDocuments({ rows, now }: { rows: readonly DocumentRow[]; now: number }) {
  const controlled = rows.filter((row) => row.controlled);
  if (controlled.length === 0) return null;
  return (
    <div>
      <h3>Controlled in Sightline</h3>
      <ul className="aims-entries">
        {controlled.map((row) => (
          <li key={row.id} className="aims-entry">
            <div className="aims-entry-head">
              <a href={row.link}>{row.title}</a>
              {isReviewDue(row, now) && <span className="aims-badge">Review due</span>}
            </div>
            <p className="small">
              {optionWords(row.kind)}, version {row.version}, {row.status}
              {row.approvedBy && `, approved by ${row.approvedBy}`}
              {row.approvedAt !== undefined && ` on ${day(row.approvedAt)}`}
              {row.reviewDue !== undefined && `; next review ${day(row.reviewDue)}`}.
            </p>
          </li>
        ))}
      </ul>
    </div>
  );
}
