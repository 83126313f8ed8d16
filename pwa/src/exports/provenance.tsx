import { createContext, useCallback, useContext, type ReactNode } from 'react';
import type * as Y from 'yjs';
import type { Role } from '../../../shared/auth/access.ts';
import {
  documentState,
  roleWords,
  type ExportProvenance,
} from '../../../shared/assessments/index.ts';
import { usePolicy } from '../sync/documents.ts';

/**
 * What every export prints about itself (shared/assessments/provenance.ts): the organisation's
 * display name (Settings → Workspace), the workspace, who exports and when, and the state of the
 * documents read. Provided once for the joined workspace, read by every page that exports.
 */
export interface ExportSource {
  workspace: string;
  policy: Y.Doc | undefined;
  me: string;
  role: Role;
}

const Source = createContext<ExportSource>({
  workspace: 'sightline',
  policy: undefined,
  me: 'someone',
  role: 'member',
});

export function ExportSourceProvider({
  value,
  children,
}: {
  value: ExportSource;
  children: ReactNode;
}) {
  return <Source.Provider value={value}>{children}</Source.Provider>;
}

/** `(at, ...docs read) → provenance`, for the export being made. */
export function useExportProvenance(): (at: number, ...docs: Y.Doc[]) => ExportProvenance {
  const { workspace, policy, me, role } = useContext(Source);
  const organisation = usePolicy(policy).settings.workspaceName ?? workspace;
  return useCallback(
    (at, ...docs) => ({
      organisation,
      workspace,
      exportedBy: `${me} (${roleWords(role)})`,
      exportedAt: at,
      documentState: documentState(...docs),
    }),
    [organisation, workspace, me, role],
  );
}
