import type { ChangeMark } from '../../../../shared/documents/registry/index.ts';
import { markWords } from './significant-change-words.ts';
import './significant-change.css';

/** The significant changes, oldest first: who, when, and each field from → to (as text). */
export function ChangeMarkList({ marks }: { marks: readonly ChangeMark[] }) {
  return (
    <ul className="change-marks">
      {marks.map((mark) => {
        const { who, lines } = markWords(mark);
        return (
          <li key={mark.id}>
            <span className="muted">{who}:</span>{' '}
            {lines.map((line, i) => (
              <span key={i} className="change-line">
                {line}
                {i < lines.length - 1 ? '; ' : ''}
              </span>
            ))}
          </li>
        );
      })}
    </ul>
  );
}
