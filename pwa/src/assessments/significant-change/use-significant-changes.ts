import { useMemo } from 'react';
import type * as Y from 'yjs';
import {
  pendingChangeReviews,
  readChangeMarks,
  type ChangeMarks,
  type PendingChanges,
} from '../../../../shared/documents/registry/index.ts';
import { sharedReader, useDocument } from '../../sync/use-document.ts';
import { useAssessmentIndex } from '../use-assessments.ts';

const NO_MARKS: ChangeMarks = { marks: [], reviews: new Map(), problems: [] };
const readMarksShared = sharedReader((doc) => ({ read: () => readChangeMarks(doc) }));

/** The registry's significant-change marks and their reviews, read without trust. */
export const useChangeMarks = (registry: Y.Doc | undefined) =>
  useDocument(registry, readMarksShared, NO_MARKS);

/**
 * Every assessment with a significant change not reviewed yet (CHG4): the record page, the
 * assessment page and the dashboard all read this one list.
 */
export function usePendingChanges(registry: Y.Doc | undefined): PendingChanges[] {
  const read = useChangeMarks(registry);
  const { assessments } = useAssessmentIndex(registry);
  return useMemo(() => pendingChangeReviews(read, assessments), [read, assessments]);
}
