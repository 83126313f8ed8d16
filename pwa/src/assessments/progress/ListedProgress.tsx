import type { OpenedAssessment } from '../../sync/assessment-documents.ts';
import { useOpenedAssessment } from '../use-assessments.ts';
import { ProgressBar } from './ProgressBar.tsx';

interface Props {
  openAssessment: (id: string) => OpenedAssessment;
  id: string;
}

/**
 * One listed assessment's progress: its document is held while the list shows it (the same
 * on-demand document the page opens), so the count follows every change a co-editor makes.
 */
export function ListedProgress({ openAssessment, id }: Props) {
  const opening = useOpenedAssessment(openAssessment, id);
  if (opening.state === 'refused') return <span className="muted">Not readable</span>;
  if (opening.state === 'opening') return <span className="muted">Opening…</span>;
  return <ProgressBar doc={opening.opened.doc} />;
}
