import type { Assessment } from '../../../../shared/documents/assessment/index.ts';

export interface AssessmentProgress {
  /** Outline sections whose workflow status is "done". */
  done: number;
  /** Sections in the outline; 0 while the document is not on this device yet. */
  total: number;
}

/**
 * How far an assessment is: its sections marked done out of its outline, from the assessment as
 * the page reads it (useAssessmentOutline), so the list and the page can never disagree.
 */
export function assessmentProgress(assessment: Assessment): AssessmentProgress {
  const outline = assessment.meta?.outline ?? [];
  const done = outline.filter((s) => assessment.sections.get(s.id)?.status === 'done').length;
  return { done, total: outline.length };
}

export const progressWords = ({ done, total }: AssessmentProgress): string =>
  `${done} of ${total} ${total === 1 ? 'section' : 'sections'} done`;
