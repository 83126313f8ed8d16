import * as Y from 'yjs';
import { isIso27001Id } from '../../iso27001/iso27001.ts';
import { addProblem } from '../schema/problems.ts';
import { readBoolean, readEnum, readString, readTimestamp, topMap } from '../schema/read.ts';
import { readRecords, readStringSet } from '../schema/read-lists.ts';
import { isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, setIfChanged, syncTrueSet } from '../schema/write.ts';
import { MAX_PERSON, REGISTRY_SCHEMA } from './schema.ts';
import { saveAuthoredEntry } from './authored.ts';
import {
  IMPLEMENTATION_STATES,
  MAX_EVIDENCE_LINKS,
  MAX_JUSTIFICATION,
  MAX_URL,
  isEvidenceUrl,
  type ImplementationState,
} from './soa.ts';

/**
 * The organisation's own controls in the Statement of Applicability (docs/assessments.md, SOA1–
 * SOA3): ISO/IEC 42001 6.1.3 lets controls come from any source — Annex A is the list compared
 * against — so a reused ISO/IEC 27001 control or an internal one belongs in the SoA too. A new
 * top-level map of the registry (leads write; older readers ignore it, so no migration):
 *
 *   soaOwnControls  id → { ref, title, source?, iso27001?, applicable, justification,
 *                          implementation, owner?, evidence: url → true, updatedBy, updatedAt }
 *
 * Keyed by a generated id, so two leads adding controls at once never write into one map; `ref`
 * is the organisation's own number for it ("ORG-3"). Unlike an Annex A entry (whose older
 * entries may lack one), a justification is required both ways: for inclusion and for exclusion.
 */
export const SOA_OWN_CONTROLS = 'soaOwnControls';
export const MAX_OWN_CONTROLS = 200;
const MAX_REF = 40;
const MAX_TITLE = 200;
const MAX_SOURCE = 200;

export interface OwnControlFields {
  ref: string;
  title: string;
  /** Where it comes from: "ISO/IEC 27001:2022 ISMS", "Group AI standard §4"… */
  source?: string;
  /** The ISO/IEC 27001:2022 clause or control it is, when it is one (`A.8.15`). */
  iso27001?: string;
  applicable: boolean;
  justification: string;
  implementation: ImplementationState;
  owner?: string;
  evidence: string[];
}

export interface OwnControl extends OwnControlFields {
  id: string;
  updatedBy: string;
  updatedAt: number;
}

/** The organisation's own number: not an Annex A id, so the two lists never read alike. */
const REF = /^(?!A\.\d)[A-Za-z0-9][A-Za-z0-9 ._/-]{0,39}$/;

function checkOwnControl(fields: OwnControlFields): void {
  if (typeof fields.ref !== 'string' || !REF.test(fields.ref)) {
    throw new RangeError(
      'ref must be 1–40 letters, digits, spaces or . _ / -, and not an Annex A id',
    );
  }
  checkText('title', fields.title, { min: 1, max: MAX_TITLE });
  if (fields.title.trim() === '') throw new RangeError('title must not be blank');
  if (fields.source !== undefined) checkText('source', fields.source, { min: 1, max: MAX_SOURCE });
  if (fields.iso27001 !== undefined && !isIso27001Id(fields.iso27001)) {
    throw new RangeError('iso27001: not an ISO/IEC 27001:2022 clause or control');
  }
  if (typeof fields.applicable !== 'boolean')
    throw new TypeError('applicable must be true or false');
  checkText('justification', fields.justification, { min: 0, max: MAX_JUSTIFICATION });
  if (fields.justification.trim() === '') {
    throw new RangeError(
      fields.applicable
        ? 'an included control needs a justification for its inclusion'
        : 'an excluded control needs a justification for its exclusion',
    );
  }
  if (!IMPLEMENTATION_STATES.includes(fields.implementation)) {
    throw new RangeError('implementation: unknown value');
  }
  if (fields.owner !== undefined) checkText('owner', fields.owner, { min: 1, max: MAX_PERSON });
  if (
    !Array.isArray(fields.evidence) ||
    new Set(fields.evidence).size > MAX_EVIDENCE_LINKS ||
    !fields.evidence.every(isEvidenceUrl)
  ) {
    throw new RangeError(`evidence must be at most ${MAX_EVIDENCE_LINKS} http(s) links`);
  }
}

/**
 * Adds or updates one of the organisation's own controls (SOA1). Throws, changing nothing, on bad
 * input, or past MAX_OWN_CONTROLS. Returns whether anything changed.
 */
export function saveOwnControl(
  doc: Y.Doc,
  id: string,
  fields: OwnControlFields,
  by: string,
  at: number,
): boolean {
  if (!isId(id)) throw new RangeError('control id must be 1–64 letters, digits, _ or -');
  checkOwnControl(fields);
  const map = doc.getMap<unknown>(SOA_OWN_CONTROLS);
  if (!map.has(id) && map.size >= MAX_OWN_CONTROLS) {
    throw new RangeError(`at most ${MAX_OWN_CONTROLS} own controls`);
  }
  return saveAuthoredEntry(doc, SOA_OWN_CONTROLS, id, by, at, (entry) => [
    setIfChanged(entry, 'ref', fields.ref),
    setIfChanged(entry, 'title', fields.title),
    setIfChanged(entry, 'source', fields.source),
    setIfChanged(entry, 'iso27001', fields.iso27001),
    setIfChanged(entry, 'applicable', fields.applicable),
    setIfChanged(entry, 'justification', fields.justification),
    setIfChanged(entry, 'implementation', fields.implementation),
    setIfChanged(entry, 'owner', fields.owner),
    syncTrueSet(entry, 'evidence', fields.evidence),
  ]);
}

/** Removes one; false when there was none. */
export function removeOwnControl(doc: Y.Doc, id: string): boolean {
  const map = doc.getMap<unknown>(SOA_OWN_CONTROLS);
  if (!isId(id) || !(map.get(id) instanceof Y.Map)) return false;
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    map.delete(id);
  });
  return true;
}

/** The own controls, read without trust (SOA3), by ref then id. */
export function readOwnControls(doc: Y.Doc): { controls: OwnControl[]; problems: string[] } {
  const problems: string[] = [];
  const map = topMap(doc, SOA_OWN_CONTROLS, problems);
  if (!map) return { controls: [], problems };
  const controls = readRecords(map, SOA_OWN_CONTROLS, problems, isId, (entry, id, path) => {
    const opts = { path, required: true };
    const ref = readString(entry, 'ref', problems, { ...opts, max: MAX_REF });
    const title = readString(entry, 'title', problems, { ...opts, max: MAX_TITLE });
    const applicable = readBoolean(entry, 'applicable', problems, opts);
    const justification = readString(entry, 'justification', problems, {
      ...opts,
      max: MAX_JUSTIFICATION,
    });
    const implementation = readEnum(entry, 'implementation', IMPLEMENTATION_STATES, problems, opts);
    if (
      !ref ||
      !title ||
      applicable === undefined ||
      !justification?.trim() ||
      implementation === undefined
    ) {
      addProblem(problems, `${path}: unreadable own control; skipped`);
      return undefined;
    }
    const control: OwnControl = {
      id,
      ref,
      title,
      applicable,
      justification,
      implementation,
      evidence:
        readStringSet(entry, 'evidence', problems, {
          path,
          accept: isEvidenceUrl,
          maxItems: MAX_EVIDENCE_LINKS,
          maxLength: MAX_URL,
        }) ?? [],
      updatedBy: readString(entry, 'updatedBy', problems, { ...opts, max: MAX_PERSON }) ?? '',
      updatedAt: readTimestamp(entry, 'updatedAt', problems, opts) ?? 0,
    };
    const source = readString(entry, 'source', problems, { path, max: MAX_SOURCE });
    if (source) control.source = source;
    const iso27001 = readString(entry, 'iso27001', problems, { path, max: 10 });
    if (isIso27001Id(iso27001)) control.iso27001 = iso27001;
    else if (iso27001 !== undefined)
      addProblem(problems, `${path}.iso27001: not a 2022 id; left out`);
    const owner = readString(entry, 'owner', problems, { path, max: MAX_PERSON });
    if (owner) control.owner = owner;
    return control;
  });
  controls.sort(
    (a, b) => a.ref.localeCompare(b.ref, 'en', { numeric: true }) || (a.id < b.id ? -1 : 1),
  );
  return { controls, problems };
}
