import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readRiskErm, riskScores, saveRiskErm, type RiskErm } from './risk-erm.ts';
import { readRiskRegister, RISKS, saveRisk, type RiskFields } from './risks.ts';

/** Rules ERM1, ERM2 and ERM4 (docs/assessments.md, "Enterprise risk register"). */

const AT = Date.UTC(2026, 10, 3, 10);
const RISK: RiskFields = {
  systemIds: ['rec-1'],
  source: 'algorithmic-bias',
  description: 'Ranks women lower',
  likelihood: 4,
  impact: 5,
  treatment: 'mitigate',
  controls: ['A.5.4'],
  status: 'treating',
};
const ERM: RiskErm = {
  residualLikelihood: 2,
  residualImpact: 4,
  consequenceOrganisation: 'Discrimination claims; hiring pipeline halted',
  consequenceIndividuals: 'Qualified candidates rejected unfairly',
  consequenceSociety: 'Entrenches gender imbalance in the sector',
  ermCategory: 'Compliance',
  ermReference: 'ERM-2026-0142',
};

function withRisk(): Y.Doc {
  const doc = new Y.Doc();
  saveRisk(doc, 'risk-1', RISK, 'lead-a', AT);
  return doc;
}

const exchange = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
};

describe('enterprise risk fields', () => {
  it('ERM1: stores the residual rating, consequences, category and ERM reference, and reads them back', () => {
    const doc = withRisk();
    expect(saveRiskErm(doc, 'risk-1', ERM, 'lead-b', AT + 1)).toBe(true);
    expect(saveRiskErm(doc, 'risk-1', ERM, 'lead-b', AT + 2)).toBe(false);
    const { erm, problems } = readRiskErm(doc);
    expect(problems).toEqual([]);
    expect(erm.get('risk-1')).toEqual(ERM);
    const risk = readRiskRegister(doc).risks.get('risk-1')!;
    expect(risk.updatedBy).toBe('lead-b');
    expect(riskScores(risk, erm.get('risk-1'))).toEqual({
      inherent: 20,
      residual: 8,
      residualAboveInherent: false,
    });
    // Leaving a field out removes it.
    saveRiskErm(doc, 'risk-1', { ermReference: 'ERM-2026-0142' }, 'lead-b', AT + 3);
    expect(readRiskErm(doc).erm.get('risk-1')).toEqual({ ermReference: 'ERM-2026-0142' });
  });

  it('ERM1: bad input is refused with a clear error and changes nothing', () => {
    const doc = withRisk();
    const before = Y.encodeStateAsUpdate(doc);
    const save = (erm: object, id = 'risk-1') => saveRiskErm(doc, id, erm as RiskErm, 'lead', AT);
    expect(() => save({ residualLikelihood: 2 })).toThrow(/needs both likelihood and impact/);
    expect(() => save({ residualLikelihood: 0, residualImpact: 2 })).toThrow(/likelihood must be/);
    expect(() => save({ residualLikelihood: 2, residualImpact: 2.5 })).toThrow(/impact must be/);
    expect(() => save({ ermCategory: '   ' })).toThrow(/must not be blank/);
    expect(() => save({ ermReference: 'x'.repeat(101) })).toThrow(/ermReference/);
    expect(() => save({ colour: 'red' })).toThrow(/unknown ERM field: colour/);
    expect(() => save({}, 'risk-9')).toThrow(/no risk risk-9/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('ERM2: the risk dialog saving the risk keeps its ERM fields; an older risk reads without them', () => {
    const doc = withRisk();
    saveRisk(doc, 'risk-old', { ...RISK, description: 'Written before ERM fields' }, 'lead', AT);
    saveRiskErm(doc, 'risk-1', ERM, 'lead-b', AT + 1);
    saveRisk(doc, 'risk-1', { ...RISK, likelihood: 3 }, 'lead-a', AT + 2);
    const { erm } = readRiskErm(doc);
    expect(erm.get('risk-1')).toEqual(ERM);
    expect(erm.has('risk-old')).toBe(false);
    const old = readRiskRegister(doc).risks.get('risk-old')!;
    expect(riskScores(old, erm.get('risk-old'))).toEqual({
      inherent: 20,
      residual: undefined,
      residualAboveInherent: false,
    });
  });

  it('ERM2: two leads offline, one re-rating the residual and one the inherent, both keep theirs', () => {
    const a = withRisk();
    const b = new Y.Doc();
    exchange(a, b);
    saveRiskErm(a, 'risk-1', { residualLikelihood: 5, residualImpact: 5 }, 'lead-a', AT + 1);
    saveRisk(b, 'risk-1', { ...RISK, likelihood: 1, impact: 2 }, 'lead-b', AT + 1);
    exchange(a, b);
    for (const doc of [a, b]) {
      const risk = readRiskRegister(doc).risks.get('risk-1')!;
      // A residual above the inherent is shown as such, not hidden or "corrected".
      expect(riskScores(risk, readRiskErm(doc).erm.get('risk-1'))).toEqual({
        inherent: 2,
        residual: 25,
        residualAboveInherent: true,
      });
    }
  });

  it('ERM4: readers never trust the shape: wrong values are left out and reported', () => {
    const doc = withRisk();
    const map = doc.getMap<unknown>(RISKS).get('risk-1') as Y.Map<unknown>;
    map.set('residualLikelihood', 9);
    map.set('residualImpact', 2);
    map.set('ermCategory', 42);
    map.set('consequenceSociety', '<script>alert(1)</script>');
    const { erm, problems } = readRiskErm(doc);
    expect(erm.get('risk-1')).toEqual({ consequenceSociety: '<script>alert(1)</script>' });
    expect(problems).toHaveLength(3);
    // The risk itself still reads.
    expect(readRiskRegister(doc).risks.has('risk-1')).toBe(true);
  });
});
