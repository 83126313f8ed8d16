import { accessFor, type Access, type Principal } from '../../../shared/auth/access.ts';

/** The workspace-wide documents the PWA keeps; assessments and reports open on demand later. */
export const WORKSPACE_DOCUMENTS = ['policy', 'registry', 'discoveries'] as const;
export type WorkspaceDocument = (typeof WORKSPACE_DOCUMENTS)[number];

/** Which of them this principal may open, and how (the permission table, docs/sync.md). */
export function readableDocuments(principal: Principal): Map<WorkspaceDocument, Access> {
  const result = new Map<WorkspaceDocument, Access>();
  for (const kind of WORKSPACE_DOCUMENTS) {
    const access = accessFor(principal, { workspace: principal.workspace, kind });
    if (access !== 'none') result.set(kind, access);
  }
  return result;
}
