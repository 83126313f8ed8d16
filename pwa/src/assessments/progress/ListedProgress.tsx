import { useRef } from 'react';
import type { OpenedAssessment } from '../../sync/assessment-documents.ts';
import { useInView } from '../../ui/use-in-view.ts';
import { useOpenedAssessment } from '../use-assessments.ts';
import { ProgressBar } from './ProgressBar.tsx';

interface Props {
  openAssessment: (id: string) => OpenedAssessment;
  id: string;
}

/**
 * One listed assessment's progress, read from its own document — the one the page opens, so the
 * list and the page cannot disagree. The document is held only while the row is on screen (or
 * near it): with 200 assessments the list opens the rows someone can see, not 200, and a row
 * scrolled away gives its document back and says "Not read yet" rather than a count that may be
 * out of date (docs/assessments.md, "The assessment list").
 */
export function ListedProgress({ openAssessment, id }: Props) {
  const ref = useRef<HTMLSpanElement>(null);
  const inView = useInView(ref);
  return (
    <span ref={ref} className="listed-progress">
      {inView ? (
        <OpenedProgress openAssessment={openAssessment} id={id} />
      ) : (
        <span className="muted">Not read yet</span>
      )}
    </span>
  );
}

function OpenedProgress({ openAssessment, id }: Props) {
  const opening = useOpenedAssessment(openAssessment, id);
  if (opening.state === 'refused') return <span className="muted">Not readable</span>;
  if (opening.state === 'opening') return <span className="muted">Opening…</span>;
  return <ProgressBar doc={opening.opened.doc} />;
}
