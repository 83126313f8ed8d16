import { useId } from 'react';
import type * as Y from 'yjs';
import { useAssessmentOutline } from '../use-assessments.ts';
import { assessmentProgress, progressWords } from './assessment-progress.ts';
import './progress.css';

/**
 * An assessment's sections done out of its outline: a bar, named by the same words in text (a
 * screen reader hears "3 of 8 sections done", not only a percentage). The list and the page both
 * show it, read the same way.
 */
export function ProgressBar({ doc }: { doc: Y.Doc }) {
  const progress = assessmentProgress(useAssessmentOutline(doc));
  const id = useId();
  if (progress.total === 0) return <span className="muted">Not on this device yet</span>;
  return (
    <span className="assessment-progress">
      <progress aria-labelledby={id} max={progress.total} value={progress.done} />
      <span id={id}>{progressWords(progress)}</span>
    </span>
  );
}
