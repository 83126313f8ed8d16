import type * as Y from 'yjs';
import { isAnnexAControlId, isRiskSourceId, type RiskSourceId } from '../../iso42001/index.ts';
import { addProblem } from '../schema/problems.ts';
import { readEnum, readNumber, readString, readTimestamp, topMap } from '../schema/read.ts';
import { readRecords, readStringSet } from '../schema/read-lists.ts';
import { isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, checkTimestamp, setIfChanged, syncTrueSet } from '../schema/write.ts';
import { MAX_PERSON, REGISTRY_SCHEMA } from './schema.ts';
import { saveAuthoredEntry } from './authored.ts';

/**
 * The risk register, a top-level map of the registry document (leads write, contributors read):
 *
 *   risks  riskId → { systemIds: recordId → true, source, description, likelihood 1–5,
 *                     impact 1–5, owner?, treatment, controls: Annex A id → true, status,
 *                     dueDate?, updatedBy, updatedAt }
 *
 * A new optional top-level map, not a change of shape: older readers ignore it, so no migration.
 * One nested map per risk so edits to different risks never collide; the two lists are sets of
 * item → true so leads adding different systems or controls at once both win.
 */
export const RISKS = 'risks';

export const TREATMENTS = ['avoid', 'mitigate', 'transfer', 'accept'] as const;
export type Treatment = (typeof TREATMENTS)[number];
export const RISK_STATUSES = ['open', 'treating', 'accepted', 'closed'] as const;
export type RiskStatus = (typeof RISK_STATUSES)[number];

export const MAX_RISK_DESCRIPTION = 4000;
export const MAX_RISK_SYSTEMS = 200;
export const MAX_RISK_CONTROLS = 38;

/** What a lead edits on a risk. Lists are sets: order and duplicates do not matter. */
export interface RiskFields {
  systemIds: string[];
  source: RiskSourceId;
  description: string;
  /** 1 (rare) … 5 (almost certain). */
  likelihood: number;
  /** 1 (negligible) … 5 (severe). */
  impact: number;
  owner?: string;
  treatment: Treatment;
  /** Annex A control ids (`A.6.2.6`). */
  controls: string[];
  status: RiskStatus;
  dueDate?: number;
}

export interface Risk extends RiskFields {
  id: string;
  updatedBy: string;
  updatedAt: number;
}

export interface RiskRegister {
  /** In id order. */
  risks: Map<string, Risk>;
  problems: string[];
}

export const RISK_BANDS = ['low', 'medium', 'high', 'critical'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

/** Likelihood × impact, 1–25. Throws for a rating outside 1–5. */
export function riskScore(likelihood: number, impact: number): number {
  checkRating('likelihood', likelihood);
  checkRating('impact', impact);
  return likelihood * impact;
}

/**
 * The band of a score (docs/assessments.md): 1–4 low, 5–9 medium, 10–16 high, 20–25 critical.
 * The products of two ratings 1–5 leave no score between 16 and 20, so the bands cover them all.
 */
export function riskBand(score: number): RiskBand {
  if (!Number.isInteger(score) || score < 1 || score > 25) {
    throw new RangeError(`a risk score is a whole number 1–25, got ${score}`);
  }
  return score <= 4 ? 'low' : score <= 9 ? 'medium' : score <= 16 ? 'high' : 'critical';
}

function checkRating(what: string, value: unknown): asserts value is number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > 5) {
    throw new RangeError(`${what} must be a whole number 1–5`);
  }
}

function checkSet(what: string, value: unknown, max: number, accept: (item: string) => boolean) {
  if (!Array.isArray(value) || new Set(value).size > max) {
    throw new RangeError(`${what} must be a list of at most ${max} items`);
  }
  for (const item of value) {
    if (typeof item !== 'string' || !accept(item)) {
      throw new RangeError(`${what}: ${JSON.stringify(String(item)).slice(0, 80)} is not valid`);
    }
  }
}

function checkRisk(fields: RiskFields): void {
  checkSet('systemIds', fields.systemIds, MAX_RISK_SYSTEMS, isId);
  if (!isRiskSourceId(fields.source)) throw new RangeError('source: not a known risk source');
  checkText('description', fields.description, { min: 1, max: MAX_RISK_DESCRIPTION });
  if (fields.description.trim() === '') throw new RangeError('description must not be blank');
  checkRating('likelihood', fields.likelihood);
  checkRating('impact', fields.impact);
  if (fields.owner !== undefined) checkText('owner', fields.owner, { min: 1, max: MAX_PERSON });
  if (!TREATMENTS.includes(fields.treatment)) throw new RangeError('treatment: unknown value');
  checkSet('controls', fields.controls, MAX_RISK_CONTROLS, isAnnexAControlId);
  if (!RISK_STATUSES.includes(fields.status)) throw new RangeError('status: unknown value');
  if (fields.dueDate !== undefined) checkTimestamp('dueDate', fields.dueDate);
}

/**
 * Creates or updates a risk with a caller-chosen id, writing only the keys whose value changes
 * (optional fields left out are removed). Returns whether anything changed. Throws, changing
 * nothing, on bad input.
 */
export function saveRisk(
  doc: Y.Doc,
  id: string,
  fields: RiskFields,
  by: string,
  at: number,
): boolean {
  if (!isId(id)) throw new RangeError('risk id must be 1–64 letters, digits, _ or -');
  checkRisk(fields);
  return saveAuthoredEntry(doc, RISKS, id, by, at, (map) => [
    syncTrueSet(map, 'systemIds', fields.systemIds),
    setIfChanged(map, 'source', fields.source),
    setIfChanged(map, 'description', fields.description),
    setIfChanged(map, 'likelihood', fields.likelihood),
    setIfChanged(map, 'impact', fields.impact),
    setIfChanged(map, 'owner', fields.owner),
    setIfChanged(map, 'treatment', fields.treatment),
    syncTrueSet(map, 'controls', fields.controls),
    setIfChanged(map, 'status', fields.status),
    setIfChanged(map, 'dueDate', fields.dueDate),
  ]);
}

/** Removes a risk; false when there was none. */
export function deleteRisk(doc: Y.Doc, id: string): boolean {
  const risks = doc.getMap<unknown>(RISKS);
  if (!isId(id) || !risks.has(id)) return false;
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    risks.delete(id);
  });
  return true;
}

function readRisk(map: Y.Map<unknown>, id: string, path: string, problems: string[]) {
  const opts = { path, required: true };
  const rating = (key: string) =>
    readNumber(map, key, problems, { ...opts, integer: true, min: 1, max: 5 });
  const source = readString(map, 'source', problems, opts);
  const description = readString(map, 'description', problems, {
    ...opts,
    max: MAX_RISK_DESCRIPTION,
  });
  const likelihood = rating('likelihood');
  const impact = rating('impact');
  const treatment = readEnum(map, 'treatment', TREATMENTS, problems, opts);
  const status = readEnum(map, 'status', RISK_STATUSES, problems, opts);
  if (source !== undefined && !isRiskSourceId(source)) {
    addProblem(problems, `${path}.source: not a known risk source`);
  }
  if (
    source === undefined ||
    !isRiskSourceId(source) ||
    description === undefined ||
    likelihood === undefined ||
    impact === undefined ||
    treatment === undefined ||
    status === undefined
  ) {
    addProblem(problems, `${path}: unreadable risk; skipped`);
    return undefined;
  }
  const risk: Risk = {
    id,
    source,
    description,
    likelihood,
    impact,
    treatment,
    status,
    systemIds:
      readStringSet(map, 'systemIds', problems, {
        path,
        maxItems: MAX_RISK_SYSTEMS,
        accept: isId,
      }) ?? [],
    controls:
      readStringSet(map, 'controls', problems, {
        path,
        maxItems: MAX_RISK_CONTROLS,
        accept: isAnnexAControlId,
      }) ?? [],
    updatedBy: readString(map, 'updatedBy', problems, { ...opts, max: MAX_PERSON }) ?? '',
    updatedAt: readTimestamp(map, 'updatedAt', problems, opts) ?? 0,
  };
  const owner = readString(map, 'owner', problems, { path, max: MAX_PERSON });
  if (owner !== undefined) risk.owner = owner;
  const dueDate = readTimestamp(map, 'dueDate', problems, { path });
  if (dueDate !== undefined) risk.dueDate = dueDate;
  return [id, risk] as const;
}

/** The risk register, read without trust: what has the wrong shape is skipped and listed. */
export function readRiskRegister(doc: Y.Doc): RiskRegister {
  const problems: string[] = [];
  const map = topMap(doc, RISKS, problems);
  if (map === undefined) return { risks: new Map(), problems };
  const entries = readRecords(map, RISKS, problems, isId, (risk, id, path) =>
    readRisk(risk, id, path, problems),
  );
  return { risks: new Map(entries), problems };
}
