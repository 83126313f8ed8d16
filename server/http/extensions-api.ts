import type { VerifiedToken } from '../auth/token-service.ts';
import type { ApiServices } from './api.ts';

/** The most extensions one answer lists (last contact first); the versions count them all listed. */
export const MAX_LISTED_EXTENSIONS = 2000;

/**
 * `GET /api/extensions` (admins and leads): the workspace's enrolled extensions, last contact
 * first — each with the version its report gives, when it last opened a document (to the hour:
 * EXT2), the code that enrolled it, and why the browser's policy failed to enrol it, if it said
 * (EXT1). Nothing about the person: reporter ids are random.
 */
export async function listExtensions(manager: VerifiedToken, services: ApiServices) {
  const workspace = manager.principal.workspace;
  const [clients, reporters] = await Promise.all([
    services.reporterClients.ofWorkspace(workspace),
    services.tokenStore.reportersIn(workspace, MAX_LISTED_EXTENSIONS),
  ]);
  // Each enrolment code read once, however many extensions it enrolled.
  const codes = new Map<string, { id: string; label: string | null } | null>();
  for (const id of new Set(reporters.map((token) => token.mintedBy))) {
    if (id === null) continue;
    const code = await services.tokenStore.get(id);
    codes.set(id, code ? { id, label: code.label } : null);
  }
  const codeOf = (id: string | null) => (id === null ? null : (codes.get(id) ?? null));
  const extensions = reporters
    .filter((token) => token.reporterId !== null)
    .map((token) => {
      const client = clients.get(token.reporterId!);
      return {
        reporterId: token.reporterId!,
        enrolledAt: token.createdAt,
        expiresAt: token.expiresAt,
        revokedAt: token.revokedAt,
        lastSeenAt: token.lastSeenAt,
        code: codeOf(token.mintedBy),
        version: client?.version ?? null,
        policyError: client?.policyError ?? null,
      };
    });
  const versions = new Map<string, number>();
  for (const extension of extensions) {
    if (extension.revokedAt !== null) continue;
    const version = extension.version ?? 'unknown';
    versions.set(version, (versions.get(version) ?? 0) + 1);
  }
  return {
    extensions,
    versions: [...versions]
      .map(([version, count]) => ({ version, count }))
      .sort((a, b) => b.count - a.count || a.version.localeCompare(b.version)),
  };
}
