import type * as Y from 'yjs';
import { assessmentHref } from './assessment-href.ts';
import { kindLabel } from './assessment-words.ts';
import { useAssessmentIndex } from './use-assessments.ts';

/** The assessments of one record, linked; for the record page. */
export function RecordAssessments({ registry, recordId }: { registry: Y.Doc; recordId: string }) {
  const { assessments } = useAssessmentIndex(registry);
  const mine = assessments.filter((entry) => entry.recordId === recordId);
  if (mine.length === 0) {
    return (
      <p className="muted">
        None yet. Start a risk or impact assessment of this system from{' '}
        <a href="#/assessments">Assessments</a>.
      </p>
    );
  }
  return (
    <ul>
      {mine.map((entry) => (
        <li key={entry.id}>
          <a href={assessmentHref(entry.id)}>{entry.title}</a>{' '}
          <span className="muted">({kindLabel(entry.kind)})</span>
        </li>
      ))}
    </ul>
  );
}
