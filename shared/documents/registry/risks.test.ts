import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  RISKS,
  deleteRisk,
  readRiskRegister,
  riskBand,
  riskScore,
  saveRisk,
  type RiskFields,
} from './index.ts';

const AT = Date.UTC(2026, 2, 1);
const base: RiskFields = {
  systemIds: ['rec-1'],
  source: 'algorithmic-bias',
  description: 'Ranks women lower for engineering roles',
  likelihood: 3,
  impact: 5,
  owner: 'Dana',
  treatment: 'mitigate',
  controls: ['A.5.4', 'A.7.4'],
  status: 'open',
  dueDate: Date.UTC(2026, 5, 1),
};

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
}

describe('risk score and bands', () => {
  it('multiplies likelihood by impact and bands it 1–4, 5–9, 10–16, 20–25', () => {
    expect(riskScore(3, 5)).toBe(15);
    expect([1, 4, 5, 9, 10, 16, 20, 25].map(riskBand)).toEqual([
      'low',
      'low',
      'medium',
      'medium',
      'high',
      'high',
      'critical',
      'critical',
    ]);
    expect(() => riskScore(0, 3)).toThrow(/likelihood/);
    expect(() => riskScore(2, 6)).toThrow(/impact/);
    expect(() => riskBand(26)).toThrow();
  });
});

describe('saveRisk', () => {
  it('stores a risk and reads it back', () => {
    const doc = new Y.Doc();
    expect(saveRisk(doc, 'risk-1', base, 'lead-1', AT)).toBe(true);
    const { risks, problems } = readRiskRegister(doc);
    expect(problems).toEqual([]);
    expect(risks.get('risk-1')).toEqual({
      id: 'risk-1',
      ...base,
      controls: ['A.5.4', 'A.7.4'],
      updatedBy: 'lead-1',
      updatedAt: AT,
    });
    expect(saveRisk(doc, 'risk-1', base, 'lead-2', AT + 1)).toBe(false);
    expect(readRiskRegister(doc).risks.get('risk-1')?.updatedBy).toBe('lead-1');
  });

  it.each([
    ['an unknown source', { source: 'vibes' }, /source/],
    ['a likelihood of 6', { likelihood: 6 }, /likelihood/],
    ['a fractional impact', { impact: 2.5 }, /impact/],
    ['a control outside Annex A', { controls: ['A.11.2'] }, /controls/],
    ['a bad system id', { systemIds: ['no spaces'] }, /systemIds/],
    ['a blank description', { description: '   ' }, /blank/],
    ['an unknown treatment', { treatment: 'ignore' }, /treatment/],
    ['an unknown status', { status: 'done' }, /status/],
  ])('refuses %s and changes nothing', (_, patch, error) => {
    const doc = new Y.Doc();
    saveRisk(doc, 'risk-1', base, 'lead-1', AT);
    const before = Y.encodeStateAsUpdate(doc);
    expect(() =>
      saveRisk(doc, 'risk-1', { ...base, ...patch } as RiskFields, 'lead-1', AT + 1),
    ).toThrow(error);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('merges concurrent edits of different fields and set items from two leads', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    saveRisk(a, 'risk-1', base, 'lead-1', AT);
    sync(a, b);
    saveRisk(a, 'risk-1', { ...base, controls: [...base.controls, 'A.6.2.6'] }, 'lead-1', AT + 1);
    saveRisk(
      b,
      'risk-1',
      { ...base, controls: [...base.controls, 'A.9.4'], status: 'treating' },
      'lead-2',
      AT + 2,
    );
    sync(a, b);
    const risk = readRiskRegister(a).risks.get('risk-1');
    expect(risk?.controls).toEqual(['A.5.4', 'A.6.2.6', 'A.7.4', 'A.9.4']);
    expect(risk?.status).toBe('treating');
    expect(readRiskRegister(b).risks.get('risk-1')).toEqual(risk);
  });

  it('deletes a risk', () => {
    const doc = new Y.Doc();
    saveRisk(doc, 'risk-1', base, 'lead-1', AT);
    expect(deleteRisk(doc, 'risk-1')).toBe(true);
    expect(deleteRisk(doc, 'risk-1')).toBe(false);
    expect(readRiskRegister(doc).risks.size).toBe(0);
  });
});

describe('readRiskRegister against hostile shapes', () => {
  it('skips what it cannot use and lists it', () => {
    const doc = new Y.Doc();
    saveRisk(doc, 'good', base, 'lead-1', AT);
    const risks = doc.getMap<unknown>(RISKS);
    risks.set('textual', 'text');
    risks.set('bad key!', new Y.Map());
    const broken = new Y.Map<unknown>();
    risks.set('broken', broken);
    broken.set('source', 'algorithmic-bias');
    broken.set('likelihood', 9);
    const sneaky = new Y.Map<unknown>();
    risks.set('sneaky', sneaky);
    for (const [k, v] of Object.entries({ ...base, systemIds: undefined, controls: undefined })) {
      if (v !== undefined) sneaky.set(k, v);
    }
    sneaky.set('controls', ['A.5.4', 'A.99.1', 42]);
    sneaky.set('source', 'made-up');
    const { risks: read, problems } = readRiskRegister(doc);
    expect([...read.keys()]).toEqual(['good']);
    expect(problems.join('\n')).toMatch(/textual.*expected a map/);
    expect(problems.join('\n')).toMatch(/bad key!.*not a valid key/);
    expect(problems.join('\n')).toMatch(/broken.likelihood/);
    expect(problems.join('\n')).toMatch(/sneaky.source: not a known risk source/);
  });

  it('reports a top-level name holding another type', () => {
    const doc = new Y.Doc();
    doc.getArray(RISKS).push(['x']);
    const result = readRiskRegister(doc);
    expect(result.risks.size).toBe(0);
    expect(result.problems[0]).toMatch(/risks/);
  });
});
