import type * as Y from 'yjs';
import { ANNEX_A_CONTROLS, isAnnexAControlId } from '../../iso42001/index.ts';
import { addProblem } from '../schema/problems.ts';
import { readBoolean, readEnum, readString, readTimestamp, topMap } from '../schema/read.ts';
import { readRecords, readStringSet } from '../schema/read-lists.ts';
import { isId } from '../schema/values.ts';
import { checkText, setIfChanged, syncTrueSet } from '../schema/write.ts';
import { MAX_PERSON } from './schema.ts';
import { saveAuthoredEntry } from './authored.ts';

/**
 * The Statement of Applicability, a top-level map of the registry document (leads write):
 *
 *   soa  Annex A control id → { applicable, justification? (required when not applicable),
 *                               implementation: not-started|partial|implemented, owner?,
 *                               evidence: url → true (http/https only), systems: recordId → true,
 *                               risks: riskId → true, updatedBy, updatedAt }
 *
 * A control with no entry is undecided. A new optional top-level map: no migration.
 */
export const SOA = 'soa';

export const IMPLEMENTATION_STATES = ['not-started', 'partial', 'implemented'] as const;
export type ImplementationState = (typeof IMPLEMENTATION_STATES)[number];

export const MAX_JUSTIFICATION = 2000;
export const MAX_EVIDENCE_LINKS = 50;
export const MAX_URL = 2000;
export const MAX_SOA_LINKS = 200;

export interface SoaFields {
  applicable: boolean;
  /** Why the control is (or is not) applicable; required when it is not. */
  justification?: string;
  implementation: ImplementationState;
  owner?: string;
  evidence: string[];
  systems: string[];
  risks: string[];
}

export interface SoaEntry extends SoaFields {
  controlId: string;
  updatedBy: string;
  updatedAt: number;
}

export interface StatementOfApplicability {
  /** Control id → entry, in Annex A order; undecided controls are absent. */
  entries: Map<string, SoaEntry>;
  problems: string[];
}

/**
 * An evidence link: an absolute http or https URL with a host and no user part, without spaces,
 * control characters or the characters a URL must percent-encode (< > " ` \ { } | ^), so never
 * `javascript:` or `data:`. Checked by pattern: shared/ has no URL parser of its own.
 */
const EVIDENCE_URL = /^https?:\/\/[^\s/?#@<>"`\\{}|^]+(?:[/?#][^\s<>"`\\{}|^]*)?$/i;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

export function isEvidenceUrl(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= MAX_URL &&
    EVIDENCE_URL.test(value) &&
    !CONTROL_CHARS.test(value)
  );
}

function checkList(what: string, value: unknown, max: number, accept: (item: string) => boolean) {
  if (!Array.isArray(value) || new Set(value).size > max) {
    throw new RangeError(`${what} must be a list of at most ${max} items`);
  }
  for (const item of value) {
    if (typeof item !== 'string' || !accept(item)) {
      throw new RangeError(`${what}: ${JSON.stringify(String(item)).slice(0, 80)} is not valid`);
    }
  }
}

function checkSoa(fields: SoaFields): void {
  if (typeof fields.applicable !== 'boolean')
    throw new TypeError('applicable must be true or false');
  if (fields.justification !== undefined) {
    checkText('justification', fields.justification, { max: MAX_JUSTIFICATION });
  }
  if (!fields.applicable && (fields.justification ?? '').trim() === '') {
    throw new RangeError('a control that is not applicable needs a justification');
  }
  if (!IMPLEMENTATION_STATES.includes(fields.implementation)) {
    throw new RangeError('implementation: unknown value');
  }
  if (fields.owner !== undefined) checkText('owner', fields.owner, { min: 1, max: MAX_PERSON });
  checkList('evidence', fields.evidence, MAX_EVIDENCE_LINKS, isEvidenceUrl);
  checkList('systems', fields.systems, MAX_SOA_LINKS, isId);
  checkList('risks', fields.risks, MAX_SOA_LINKS, isId);
}

/**
 * Records the applicability of one Annex A control, writing only the keys that change (optional
 * fields left out are removed). Returns whether anything changed. Throws, changing nothing, on
 * an unknown control or bad input.
 */
export function saveSoaEntry(
  doc: Y.Doc,
  controlId: string,
  fields: SoaFields,
  by: string,
  at: number,
): boolean {
  if (!isAnnexAControlId(controlId)) throw new RangeError('not an Annex A control id');
  checkSoa(fields);
  return saveAuthoredEntry(doc, SOA, controlId, by, at, (map) => [
    setIfChanged(map, 'applicable', fields.applicable),
    setIfChanged(map, 'justification', fields.justification),
    setIfChanged(map, 'implementation', fields.implementation),
    setIfChanged(map, 'owner', fields.owner),
    syncTrueSet(map, 'evidence', fields.evidence),
    syncTrueSet(map, 'systems', fields.systems),
    syncTrueSet(map, 'risks', fields.risks),
  ]);
}

function readEntry(map: Y.Map<unknown>, controlId: string, path: string, problems: string[]) {
  const applicable = readBoolean(map, 'applicable', problems, { path, required: true });
  const implementation = readEnum(map, 'implementation', IMPLEMENTATION_STATES, problems, {
    path,
    required: true,
  });
  const justification = readString(map, 'justification', problems, {
    path,
    max: MAX_JUSTIFICATION,
  });
  if (applicable === undefined || implementation === undefined) {
    addProblem(problems, `${path}: unreadable entry; the control shows as undecided`);
    return undefined;
  }
  if (!applicable && (justification ?? '').trim() === '') {
    addProblem(problems, `${path}: not applicable without a justification; shows as undecided`);
    return undefined;
  }
  const set = (key: string, accept: (item: string) => boolean, maxItems: number) =>
    readStringSet(map, key, problems, { path, accept, maxItems, maxLength: MAX_URL }) ?? [];
  const entry: SoaEntry = {
    controlId,
    applicable,
    implementation,
    evidence: set('evidence', isEvidenceUrl, MAX_EVIDENCE_LINKS),
    systems: set('systems', isId, MAX_SOA_LINKS),
    risks: set('risks', isId, MAX_SOA_LINKS),
    updatedBy:
      readString(map, 'updatedBy', problems, { path, max: MAX_PERSON, required: true }) ?? '',
    updatedAt: readTimestamp(map, 'updatedAt', problems, { path, required: true }) ?? 0,
  };
  if (justification !== undefined) entry.justification = justification;
  const owner = readString(map, 'owner', problems, { path, max: MAX_PERSON });
  if (owner !== undefined) entry.owner = owner;
  return [controlId, entry] as const;
}

/** The SoA, read without trust, in Annex A order. */
export function readSoa(doc: Y.Doc): StatementOfApplicability {
  const problems: string[] = [];
  const map = topMap(doc, SOA, problems);
  if (map === undefined) return { entries: new Map(), problems };
  const read = new Map(
    readRecords(map, SOA, problems, isAnnexAControlId, (entry, id, path) =>
      readEntry(entry, id, path, problems),
    ),
  );
  const entries = new Map<string, SoaEntry>();
  for (const control of ANNEX_A_CONTROLS) {
    const entry = read.get(control.id);
    if (entry) entries.set(control.id, entry);
  }
  return { entries, problems };
}
