import * as Y from 'yjs';
import { addProblem, joinPath } from '../schema/problems.ts';
import { readNumber, readString, topMap } from '../schema/read.ts';
import { isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, setIfChanged } from '../schema/write.ts';
import { checkAuthor } from './authored.ts';
import { RISKS, riskScore, type Risk } from './risks.ts';
import { REGISTRY_SCHEMA } from './schema.ts';

/**
 * A risk as the enterprise risk register sees it (docs/assessments.md, ERM1–ERM4): the rating
 * after treatment, the consequences for the organisation, individuals and society (ISO/IEC 42001
 * 6.1.2 d, 6.1.4) and where the organisation's ERM system files it. Flat optional keys of the
 * risk's own map in `risks` (risks.ts), written only by saveRiskErm, so the risk dialog's
 * `saveRisk` (which removes the optional keys it does not know) never touches them:
 *
 *   residualLikelihood 1–5, residualImpact 1–5, consequenceOrganisation, consequenceIndividuals,
 *   consequenceSociety (text), ermCategory (text: the organisation's own taxonomy),
 *   ermReference (text: the id the ERM system gives the risk, never Sightline's own id)
 *
 * The risk's likelihood and impact are its inherent rating (before treatment). A risk written
 * before these keys existed reads with none of them: "not rated after treatment".
 */
export const ERM_TEXT_FIELDS = [
  'consequenceOrganisation',
  'consequenceIndividuals',
  'consequenceSociety',
  'ermCategory',
  'ermReference',
] as const;
type ErmTextField = (typeof ERM_TEXT_FIELDS)[number];

export const MAX_CONSEQUENCE = 2000;
export const MAX_ERM_CATEGORY = 100;
export const MAX_ERM_REFERENCE = 100;
const MAX: Record<ErmTextField, number> = {
  consequenceOrganisation: MAX_CONSEQUENCE,
  consequenceIndividuals: MAX_CONSEQUENCE,
  consequenceSociety: MAX_CONSEQUENCE,
  ermCategory: MAX_ERM_CATEGORY,
  ermReference: MAX_ERM_REFERENCE,
};

/**
 * Suggestions for the ERM category (the field takes any text: an organisation files risks in
 * its own taxonomy). COSO, Enterprise Risk Management — Integrated Framework (2004): the four
 * categories of objectives (strategic, operations, reporting, compliance); plus technology and
 * reputational, which GRC tools commonly add.
 */
export const ERM_CATEGORY_SUGGESTIONS = [
  'Strategic',
  'Operational',
  'Reporting',
  'Compliance',
  'Technology',
  'Reputational',
] as const;

export interface RiskErm {
  residualLikelihood?: number;
  residualImpact?: number;
  consequenceOrganisation?: string;
  consequenceIndividuals?: string;
  consequenceSociety?: string;
  ermCategory?: string;
  ermReference?: string;
}

const isRating = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;

/** Throws a clear error for a value the ERM fields cannot hold (ERM1). */
export function checkRiskErm(erm: RiskErm): void {
  for (const key of Object.keys(erm)) {
    if (
      key !== 'residualLikelihood' &&
      key !== 'residualImpact' &&
      !ERM_TEXT_FIELDS.includes(key as ErmTextField)
    ) {
      throw new RangeError(`unknown ERM field: ${key}`);
    }
  }
  const { residualLikelihood: l, residualImpact: i } = erm;
  if ((l === undefined) !== (i === undefined)) {
    throw new RangeError('a residual rating needs both likelihood and impact');
  }
  if (l !== undefined && !isRating(l))
    throw new RangeError('residual likelihood must be a whole number 1–5');
  if (i !== undefined && !isRating(i))
    throw new RangeError('residual impact must be a whole number 1–5');
  for (const field of ERM_TEXT_FIELDS) {
    const value = erm[field];
    if (value === undefined) continue;
    checkText(field, value, { min: 1, max: MAX[field] });
    if (value.trim() === '') throw new RangeError(`${field} must not be blank (leave it out)`);
  }
}

/**
 * Writes a risk's ERM fields, whole: a field left out is removed. Throws, changing nothing, on bad
 * input or an unknown risk. Returns whether anything changed (then stamps updatedBy/At).
 */
export function saveRiskErm(
  doc: Y.Doc,
  riskId: string,
  erm: RiskErm,
  by: string,
  at: number,
): boolean {
  checkRiskErm(erm);
  checkAuthor(by, at);
  const map = isId(riskId) ? doc.getMap<unknown>(RISKS).get(riskId) : undefined;
  if (!(map instanceof Y.Map)) throw new Error(`no risk ${riskId}`);
  let changed = false;
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    for (const key of ['residualLikelihood', 'residualImpact', ...ERM_TEXT_FIELDS] as const) {
      changed = setIfChanged(map, key, erm[key]) || changed;
    }
    if (changed) {
      setIfChanged(map, 'updatedBy', by);
      setIfChanged(map, 'updatedAt', at);
    }
  });
  return changed;
}

/** Every risk's ERM fields, read without trust (ERM4): what is unreadable is left out and reported. */
export function readRiskErm(doc: Y.Doc): { erm: Map<string, RiskErm>; problems: string[] } {
  const problems: string[] = [];
  const erm = new Map<string, RiskErm>();
  const risks = topMap(doc, RISKS, problems);
  for (const [id, map] of risks?.entries() ?? []) {
    if (!isId(id) || !(map instanceof Y.Map)) continue; // readRiskRegister reports these
    const path = joinPath(RISKS, id);
    const entry: RiskErm = {};
    const rating = (key: string) =>
      readNumber(map, key, problems, { path, integer: true, min: 1, max: 5 });
    const l = rating('residualLikelihood');
    const i = rating('residualImpact');
    if (l !== undefined && i !== undefined) {
      entry.residualLikelihood = l;
      entry.residualImpact = i;
    } else if (l !== undefined || i !== undefined) {
      addProblem(problems, `${path}: a residual rating without its pair; left out`);
    }
    for (const field of ERM_TEXT_FIELDS) {
      const value = readString(map, field, problems, { path, max: MAX[field] });
      if (value !== undefined && value.trim() !== '') entry[field] = value;
    }
    if (Object.keys(entry).length > 0) erm.set(id, entry);
  }
  return { erm, problems };
}

/** The inherent score (before treatment) and the residual (after; undefined until rated). */
export function riskScores(risk: Pick<Risk, 'likelihood' | 'impact'>, erm: RiskErm | undefined) {
  const inherent = riskScore(risk.likelihood, risk.impact);
  const residual =
    erm?.residualLikelihood !== undefined && erm.residualImpact !== undefined
      ? riskScore(erm.residualLikelihood, erm.residualImpact)
      : undefined;
  // ERM2: concurrent edits can leave a residual above the inherent; shown, never hidden.
  return {
    inherent,
    residual,
    residualAboveInherent: residual !== undefined && residual > inherent,
  };
}
