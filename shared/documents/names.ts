/**
 * Document names on the relay are `<workspace>/<kind>[/<id>]` (docs/architecture.md). This module
 * is the one place that builds and parses them, so the relay and the clients cannot disagree.
 */

export type DocumentKind =
  | 'policy'
  | 'registry'
  | 'discoveries'
  | 'assessment'
  | 'reports'
  | 'monitoring'
  | 'interview'
  /** Relay configuration only admins read and write: webhooks and their delivery log (HOOK1). */
  | 'admin';

export interface DocumentName {
  workspace: string;
  kind: DocumentKind;
  /** The assessment id, reporter id, (monitoring) record id or interview id, for the kinds that have one. */
  id?: string;
}

const SEGMENT = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const SINGLETONS = new Set<DocumentKind>(['policy', 'registry', 'discoveries', 'admin']);
const WITH_ID = new Set<DocumentKind>(['assessment', 'reports', 'monitoring', 'interview']);

/** True for a workspace id or document id the relay accepts: short, lower case, URL-safe. */
export function isValidSegment(value: unknown): value is string {
  return typeof value === 'string' && SEGMENT.test(value);
}

export function formatDocumentName(name: DocumentName): string {
  if (!isValidSegment(name.workspace))
    throw new Error(`invalid workspace id: ${JSON.stringify(name.workspace)}`);
  if (WITH_ID.has(name.kind)) {
    if (!isValidSegment(name.id))
      throw new Error(`invalid ${name.kind} id: ${JSON.stringify(name.id)}`);
    return `${name.workspace}/${name.kind}/${name.id}`;
  }
  return `${name.workspace}/${name.kind}`;
}

/** Parses a document name; anything malformed yields undefined, never a throw. */
export function parseDocumentName(raw: unknown): DocumentName | undefined {
  if (typeof raw !== 'string' || raw.length > 200) return undefined;
  const parts = raw.split('/');
  const [workspace, kind, id] = parts;
  if (!isValidSegment(workspace) || kind === undefined) return undefined;
  if (parts.length === 2 && SINGLETONS.has(kind as DocumentKind)) {
    return { workspace, kind: kind as DocumentKind };
  }
  if (parts.length === 3 && WITH_ID.has(kind as DocumentKind) && isValidSegment(id)) {
    return { workspace, kind: kind as DocumentKind, id };
  }
  return undefined;
}
