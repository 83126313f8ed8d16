import { describe, expect, it } from 'vitest';
import { ANNEX_A_CONTROLS } from '../iso42001/index.ts';
import { AIMS_CLAUSES } from '../iso42001/clauses.ts';
import { AIMS_REQUIREMENTS, CROSSWALK, CROSSWALK_SOURCES, RELATIONS } from './crosswalk.ts';
import { ISO27001_ANNEX_A, ISO27001_CLAUSES, isIso27001Id } from './iso27001.ts';

/** X27-1 (docs/management-system.md): the crosswalk is complete, valid and sourced data. */

describe('ISO/IEC 27001:2022 as data', () => {
  it('has the 93 Annex A controls in four themes, numbered without gaps, and clauses 4–10', () => {
    const themes = Object.groupBy(ISO27001_ANNEX_A, (c) => c.id.split('.')[1]!);
    expect(Object.fromEntries(Object.entries(themes).map(([k, v]) => [k, v!.length]))).toEqual({
      '5': 37,
      '6': 8,
      '7': 14,
      '8': 34,
    });
    for (const [theme, list] of Object.entries(themes)) {
      expect(list!.map((c) => c.id)).toEqual(list!.map((_, i) => `A.${theme}.${i + 1}`));
    }
    expect(new Set(ISO27001_ANNEX_A.map((c) => c.title)).size).toBe(93);
    expect(ISO27001_CLAUSES.map((c) => c.id)).toContain('6.3');
    expect(ISO27001_CLAUSES.at(-1)).toEqual({
      id: '10.2',
      title: 'Nonconformity and corrective action',
    });
  });
});

describe('the 42001 → 27001 crosswalk', () => {
  it('maps every 42001 clause 4–10 and every Annex A control exactly once, in order', () => {
    expect(CROSSWALK.map((row) => row.iso42001)).toEqual([
      ...AIMS_CLAUSES.map((c) => c.id),
      ...ANNEX_A_CONTROLS.map((c) => c.id),
    ]);
    expect(AIMS_REQUIREMENTS).toHaveLength(27 + 38);
  });

  it('names only real 2022 clauses and controls, with a relation, rationale, source and date', () => {
    for (const row of CROSSWALK) {
      expect(RELATIONS, row.iso42001).toContain(row.relation);
      expect(row.iso27001.every(isIso27001Id), row.iso42001).toBe(true);
      // "new" means 27001 has nothing to build on; the others name what they build on.
      expect(row.iso27001.length === 0, row.iso42001).toBe(row.relation === 'new');
      expect(row.rationale.length, row.iso42001).toBeGreaterThan(30);
      expect(row.sources.length, row.iso42001).toBeGreaterThan(0);
      expect(row.sources.every((s) => s in CROSSWALK_SOURCES)).toBe(true);
      expect(row.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  it('maps each harmonized-structure clause to the 27001 clause of the same number', () => {
    for (const row of CROSSWALK.filter(
      (r) => !r.iso42001.startsWith('A.') && r.relation !== 'new',
    )) {
      expect(row.iso27001, row.iso42001).toContain(row.iso42001);
      expect(row.sources).toEqual(['hs']);
    }
  });
});
