import { describe, expect, it } from 'vitest';
import {
  AI_SPECIFIC_RISKS,
  GENERAL_RISKS,
  ANNEX_A_CONTROLS,
  ANNEX_A_GROUPS,
  ANNEX_C_RISK_SOURCES,
  RISK_SOURCES,
  annexAControl,
  byAnnexAOrder,
  isAnnexAControlId,
  isRiskSourceId,
} from './index.ts';

describe('Annex A', () => {
  it('lists the 38 controls of the published standard, in groups A.2 to A.10', () => {
    expect(ANNEX_A_CONTROLS).toHaveLength(38);
    const counts = Object.fromEntries(
      ANNEX_A_GROUPS.map((g) => [g.id, ANNEX_A_CONTROLS.filter((c) => c.group === g.id).length]),
    );
    expect(counts).toEqual({
      'A.2': 3,
      'A.3': 2,
      'A.4': 5,
      'A.5': 4,
      'A.6': 9,
      'A.7': 5,
      'A.8': 4,
      'A.9': 3,
      'A.10': 3,
    });
    expect(new Set(ANNEX_A_CONTROLS.map((c) => c.id)).size).toBe(38);
  });

  it('numbers controls as the standard does, not A.5–A.11', () => {
    expect(annexAControl('A.6.2.4')).toEqual({
      id: 'A.6.2.4',
      title: 'AI system verification and validation',
      group: 'A.6',
    });
    expect(annexAControl('A.10.3')?.group).toBe('A.10');
    expect(isAnnexAControlId('A.11.2')).toBe(false);
    expect(isAnnexAControlId('A.6.2')).toBe(false);
    expect(isAnnexAControlId('A.2.1')).toBe(false);
  });

  it('sorts ids in the standard order', () => {
    expect(['A.10.2', 'A.2.3', 'A.6.1.2', 'A.2.2'].sort(byAnnexAOrder)).toEqual([
      'A.2.2',
      'A.2.3',
      'A.6.1.2',
      'A.10.2',
    ]);
  });
});

describe('risk sources', () => {
  // Domain review E12: the seeds name four AI-specific risks, seed 2 adds ethical implications; CIA
  // and privacy "still apply" but are not AI-specific.
  it('holds the seven Annex C.3 sources, five AI-specific risks and two general ones, with unique ids', () => {
    expect(ANNEX_C_RISK_SOURCES).toHaveLength(7);
    expect(AI_SPECIFIC_RISKS.map((r) => r.id)).toEqual([
      'algorithmic-bias',
      'black-box',
      'model-drift',
      'harm-or-misuse',
      'ethical-implications',
    ]);
    expect(GENERAL_RISKS.map((r) => [r.id, r.origin])).toEqual([
      ['privacy', 'general'],
      ['security', 'general'],
    ]);
    expect(new Set(RISK_SOURCES.map((r) => r.id)).size).toBe(14);
    expect(isRiskSourceId('level-of-automation')).toBe(true);
    expect(isRiskSourceId('vibes')).toBe(false);
  });
});
