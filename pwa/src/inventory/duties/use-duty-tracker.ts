import type * as Y from 'yjs';
import { readDutyTracker, type DutyTracker } from '../../../../shared/documents/registry/index.ts';
import { useDocument } from '../../sync/use-document.ts';

const NO_TRACKER: DutyTracker = { byRecord: new Map(), problems: [] };

/** The deployer-obligations tracker of the workspace, read without trust. */
export const useDutyTracker = (registry: Y.Doc | undefined) =>
  useDocument(registry, readDutyTracker, NO_TRACKER);
