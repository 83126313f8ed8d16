import { SCHEMA_VERSION as DISCOVERIES_SCHEMA_VERSION } from './discoveries/schema.ts';
import type { DocumentKind } from './names.ts';

/**
 * Which stored shapes a client can read, declared when it connects (docs/sync.md S5). A document
 * kind whose schema changed in a way older readers misread is listed here with the version this
 * code writes; the relay refuses that kind to a client that does not declare it, so an app left
 * open across an upgrade keeps its local copy and says it needs updating, instead of reading the
 * new shape as nothing (an empty inbox would be a false "no AI found").
 *
 * A client that declares nothing is taken to read version 2 of the discoveries: what every app
 * read before the declaration existed.
 */
export const CLIENT_READS: Partial<Record<DocumentKind, number>> = {
  discoveries: DISCOVERIES_SCHEMA_VERSION,
};
const UNDECLARED: Partial<Record<DocumentKind, number>> = { discoveries: 2 };

/** The WebSocket URL's query parameter that carries the declaration. */
export const READS_PARAMETER = 'reads';

/** `discoveries.3`: the declaration for this code, as the query parameter's value. */
export function formatClientReads(reads: Partial<Record<DocumentKind, number>> = CLIENT_READS) {
  return Object.entries(reads)
    .map(([kind, version]) => `${kind}.${version}`)
    .join(',');
}

/** The version of `kind` a client declared it reads (never trusting the text); 0 when unknown. */
export function declaredVersion(declaration: string | null | undefined, kind: DocumentKind) {
  for (const part of (declaration ?? '').slice(0, 200).split(/[ ,]+/)) {
    const match = /^([a-z]{1,20})\.(\d{1,4})$/.exec(part);
    if (match?.[1] === kind) return Number(match[2]);
  }
  return declaration ? 0 : (UNDECLARED[kind] ?? 0);
}

/** True when a client with this declaration cannot read `kind` as this code writes it. */
export function tooOldFor(declaration: string | null | undefined, kind: DocumentKind): boolean {
  const needed = CLIENT_READS[kind];
  return needed !== undefined && declaredVersion(declaration, kind) < needed;
}

/** The sync URL with this code's declaration added to its query. */
export function withClientReads(syncUrl: string, declaration = formatClientReads()): string {
  const separator = syncUrl.includes('?') ? '&' : '?';
  return `${syncUrl}${separator}${READS_PARAMETER}=${encodeURIComponent(declaration)}`;
}
