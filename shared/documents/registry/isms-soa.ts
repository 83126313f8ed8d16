import type * as Y from 'yjs';
import { isIso27001Id } from '../../iso27001/iso27001.ts';
import { IMPLEMENTATION_STATES, type IsmsSoaRow } from '../../iso27001/soa-import.ts';
import { addProblem } from '../schema/problems.ts';
import { topMap } from '../schema/read.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText } from '../schema/write.ts';
import { checkAuthor } from './authored.ts';
import { isPerson, isTime, parseJsonObject } from './json-entry.ts';
import { REGISTRY_SCHEMA } from './schema.ts';

/**
 * The organisation's ISO/IEC 27001 Statement of Applicability as imported (rule X27-3,
 * docs/management-system.md), a new top-level map of the registry (leads write, contributors
 * read; older readers ignore it, so no migration):
 *
 *   isms27001  soa     → JSON { at, by, file, rows: [{ id, applicable?, implementation, justification?, evidence?, owner? }] }
 *              clauses → JSON { inPlace: boolean, at, by }  the ISMS runs clauses 4–10 (certified)
 *
 * An import is a snapshot of the ISMS's own SoA and replaces the previous one whole (two leads
 * importing at once: the later write wins, and either is a complete file). Stored as one JSON
 * string: one value to read on open, and nothing half-written can be seen.
 */
export const ISMS_27001 = 'isms27001';
const MAX_ROWS = 200;
const MAX_TEXT = 2000;
const MAX_JSON = 1_000_000;
const MAX_FILE = 200;

export interface ImportedIsmsSoa {
  at: number;
  by: string;
  file: string;
  rows: IsmsSoaRow[];
}

export interface IsmsState {
  soa?: ImportedIsmsSoa;
  /** Whether the ISMS runs 27001 clauses 4–10 (say, certified); undefined: not said. */
  clausesInPlace?: { inPlace: boolean; at: number; by: string };
  problems: string[];
}

function checkRow(row: IsmsSoaRow, i: number): void {
  if (!isIso27001Id(row.id)) throw new RangeError(`row ${i + 1}: not an ISO/IEC 27001:2022 id`);
  if (row.applicable !== undefined && typeof row.applicable !== 'boolean') {
    throw new RangeError(`row ${i + 1}: applicable must be true or false`);
  }
  if (!IMPLEMENTATION_STATES.includes(row.implementation)) {
    throw new RangeError(`row ${i + 1}: unknown implementation state`);
  }
  for (const key of ['justification', 'evidence', 'owner'] as const) {
    if (row[key] !== undefined) checkText(key, row[key], { min: 1, max: MAX_TEXT });
  }
}

/** Stores an imported SoA, replacing the previous one. Throws, changing nothing, on bad input. */
export function saveIsmsSoa(
  doc: Y.Doc,
  rows: readonly IsmsSoaRow[],
  file: string,
  by: string,
  at: number,
): void {
  checkAuthor(by, at);
  checkText('file', file, { min: 1, max: MAX_FILE });
  if (rows.length === 0 || rows.length > MAX_ROWS) {
    throw new RangeError(`an SoA has 1–${MAX_ROWS} rows`);
  }
  rows.forEach(checkRow);
  if (new Set(rows.map((row) => row.id)).size !== rows.length) {
    throw new RangeError('a control is listed twice');
  }
  const text = JSON.stringify({ at, by, file, rows });
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    doc.getMap<unknown>(ISMS_27001).set('soa', text);
  });
}

/** Records whether the ISMS runs ISO/IEC 27001 clauses 4–10 (X27-4). */
export function setIsmsClausesInPlace(doc: Y.Doc, inPlace: boolean, by: string, at: number): void {
  checkAuthor(by, at);
  if (typeof inPlace !== 'boolean') throw new RangeError('inPlace must be true or false');
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    doc.getMap<unknown>(ISMS_27001).set('clauses', JSON.stringify({ inPlace, at, by }));
  });
}

function readRow(value: unknown): IsmsSoaRow | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const { id, applicable, implementation, justification, evidence, owner } = value as Record<
    string,
    unknown
  >;
  if (!isIso27001Id(id)) return undefined;
  if (!(IMPLEMENTATION_STATES as readonly unknown[]).includes(implementation)) return undefined;
  const row: IsmsSoaRow = { id, implementation: implementation as IsmsSoaRow['implementation'] };
  if (typeof applicable === 'boolean') row.applicable = applicable;
  const text = (v: unknown) =>
    typeof v === 'string' && v.length > 0 && v.length <= MAX_TEXT ? v : undefined;
  if (text(justification)) row.justification = text(justification);
  if (text(evidence)) row.evidence = text(evidence);
  if (text(owner)) row.owner = text(owner);
  return row;
}

/** The imported SoA and the clauses answer, read without trust (X27-3). */
export function readIsmsSoa(doc: Y.Doc): IsmsState {
  const problems: string[] = [];
  const state: IsmsState = { problems };
  const map = topMap(doc, ISMS_27001, problems);
  if (!map) return state;
  const soa = map.has('soa') ? parseJsonObject(map.get('soa'), MAX_JSON) : undefined;
  if (map.has('soa')) {
    if (
      !soa ||
      !isTime(soa.at) ||
      !isPerson(soa.by) ||
      typeof soa.file !== 'string' ||
      !Array.isArray(soa.rows)
    ) {
      addProblem(problems, `${ISMS_27001}.soa: unreadable; left out`);
    } else {
      const rows: IsmsSoaRow[] = [];
      const ids = new Set<string>();
      for (const raw of (soa.rows as unknown[]).slice(0, MAX_ROWS)) {
        const row = readRow(raw);
        if (row && !ids.has(row.id)) {
          ids.add(row.id);
          rows.push(row);
        } else addProblem(problems, `${ISMS_27001}.soa: an unreadable or repeated row; skipped`);
      }
      state.soa = { at: soa.at, by: soa.by, file: soa.file.slice(0, MAX_FILE), rows };
    }
  }
  if (map.has('clauses')) {
    const clauses = parseJsonObject(map.get('clauses'), MAX_JSON);
    if (
      clauses &&
      typeof clauses.inPlace === 'boolean' &&
      isTime(clauses.at) &&
      isPerson(clauses.by)
    ) {
      state.clausesInPlace = { inPlace: clauses.inPlace, at: clauses.at, by: clauses.by };
    } else addProblem(problems, `${ISMS_27001}.clauses: unreadable; left out`);
  }
  return state;
}
