import type * as Y from 'yjs';
import {
  readGovernance,
  type WorkspaceGovernance,
} from '../../../shared/documents/registry/index.ts';
import { useDocument } from '../sync/use-document.ts';

const NO_GOVERNANCE: WorkspaceGovernance = {
  reviewMonths: {},
  approvalsRequired: {},
  problems: [],
};

/** The workspace's governance settings (FRIA deployer answer, review intervals), read without trust. */
export const useGovernance = (registry: Y.Doc | undefined) =>
  useDocument(registry, readGovernance, NO_GOVERNANCE);
