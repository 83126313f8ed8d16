import { digest } from 'lib0/hash/sha256';
import * as Y from 'yjs';

/**
 * Where an export comes from, printed in the file itself so it stands alone (docs/assessments.md,
 * E1): the organisation's display name, the workspace, who exported it and when, and the state
 * of the documents it was read from — a digest of their Yjs state vectors, which changes with
 * any edit and is the same on every replica holding the same edits.
 */
export interface ExportProvenance {
  organisation: string;
  workspace: string;
  exportedBy: string;
  exportedAt: number;
  /** documentState(...) of the documents read. */
  documentState: string;
}

/** The first 16 hex digits of the SHA-256 of the documents' state vectors, in the order given. */
export function documentState(...docs: Y.Doc[]): string {
  const parts = docs.map((doc) => Y.encodeStateVector(doc));
  const joined = new Uint8Array(parts.reduce((n, p) => n + p.length + 4, 0));
  let at = 0;
  for (const part of parts) {
    new DataView(joined.buffer).setUint32(at, part.length);
    joined.set(part, at + 4);
    at += part.length + 4;
  }
  let out = '';
  for (const byte of digest(joined).subarray(0, 8)) out += byte.toString(16).padStart(2, '0');
  return out;
}

/** `2026-12-07 14:05 UTC` */
export const utcMinute = (time: number) =>
  `${new Date(time).toISOString().slice(0, 16).replace('T', ' ')} UTC`;

/** The provenance as label/value pairs, in the order every format prints them. */
export function provenanceRows(p: ExportProvenance): Array<[string, string]> {
  return [
    ['Organisation', p.organisation],
    ['Workspace', p.workspace],
    ['Exported by', p.exportedBy],
    ['Exported at', utcMinute(p.exportedAt)],
    ['Document state', p.documentState],
  ];
}

/** The provenance as the JSON exports carry it (times in ISO 8601). */
export function jsonProvenanceOf(
  p: ExportProvenance | undefined,
): Record<string, string> | undefined {
  if (!p) return undefined;
  return {
    organisation: p.organisation,
    workspace: p.workspace,
    exportedBy: p.exportedBy,
    exportedAt: new Date(p.exportedAt).toISOString(),
    documentState: p.documentState,
  };
}
