import type { DocumentName } from '../documents/names.ts';

/** `pipeline`: an ML pipeline that may only add observations through the HTTP API (MON1). */
export const ROLES = ['admin', 'lead', 'contributor', 'member', 'pipeline'] as const;
export type Role = (typeof ROLES)[number];
export type Access = 'write' | 'read' | 'none';

/** Who a verified token says its bearer is. */
export interface Principal {
  workspace: string;
  role: Role;
  /** Set for a member bound to one extension's report; absent on an enrolment token. */
  reporterId?: string;
}

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

/**
 * The permission table (docs/sync.md, rules P1–P6): what a principal may do with a document.
 * The relay enforces it when a connection asks for a document; "read" means a read-only connection.
 */
export function accessFor(principal: Principal, document: DocumentName): Access {
  if (principal.workspace !== document.workspace) return 'none'; // P1
  if (principal.role === 'pipeline') return 'none'; // MON1: observations only, through the API
  const { role } = principal;
  const lead = role === 'admin' || role === 'lead';
  switch (document.kind) {
    case 'policy': // P2
      return lead ? 'write' : 'read';
    case 'registry': // P3
      return lead ? 'write' : role === 'contributor' ? 'read' : 'none';
    case 'assessment': // P4
      return lead || role === 'contributor' ? 'write' : 'none';
    case 'reports': // P5
      if (lead) return 'read';
      return role === 'member' &&
        principal.reporterId !== undefined &&
        principal.reporterId === document.id
        ? 'write'
        : 'none';
    case 'discoveries': // P6
      return role === 'member' ? 'none' : 'read';
    case 'monitoring': // MON1: data science (contributors) and leads; a pipeline only through the API
      return lead || role === 'contributor' ? 'write' : 'none';
    case 'admin': // HOOK1: webhook URLs and their signing secrets
      return role === 'admin' ? 'write' : 'none';
    case 'interview': // INT1: the lead's questionnaire, the contributor's answers; no member
      return lead || role === 'contributor' ? 'write' : 'none';
  }
}

/** Which roles a principal may invite (P7): only an admin makes admins. */
export function mayMint(principal: Principal, role: Role): boolean {
  if (principal.role === 'admin') return true;
  return principal.role === 'lead' && role !== 'admin';
}

/** Pipelines may add observations and nothing else (MON1): no document over the relay. */
export function isPipeline(principal: Principal): boolean {
  return principal.role === 'pipeline';
}
