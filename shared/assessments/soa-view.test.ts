import { describe, expect, it } from 'vitest';
import {
  readRegistry,
  readRiskRegister,
  readSoa,
  saveSoaEntry,
} from '../documents/registry/index.ts';
import { ANNEX_A_CONTROLS } from '../iso42001/index.ts';
import { AT, fixtureRegistryDoc } from './fixture.test-support.ts';
import { gapAnalysis, prefillSections, risksOfSystem, soaCsv, soaView } from './index.ts';
import { AI_RISK_ASSESSMENT } from './templates.ts';

// docs/assessments.md, M1–M3: each pair of modules shows one fact read by one function.

describe('one source of truth across the modules', () => {
  it('M1: a control a risk names is in the SoA, with the risk as the reason for it', () => {
    const registry = fixtureRegistryDoc();
    const risks = readRiskRegister(registry).risks;
    const view = soaView(readSoa(registry), risks.values());
    // The risk register says risk-bias is treated by A.5.4 and A.7.4: the SoA says the same.
    for (const risk of risks.values()) {
      for (const control of risk.controls) {
        expect(view.entries.get(control)?.riskReasons, control).toContain(risk.id);
        expect(view.entries.get(control)?.systems, control).toEqual(
          expect.arrayContaining(risk.systemIds),
        );
      }
    }
    // And no control claims a risk that does not name it.
    for (const control of ANNEX_A_CONTROLS) {
      for (const id of view.entries.get(control.id)?.riskReasons ?? []) {
        expect(risks.get(id)?.controls).toContain(control.id);
      }
    }
    // Undecided until a lead decides, but included: the gap analysis counts it as a gap.
    expect(view.entries.get('A.7.4')).toMatchObject({ fromRisks: true, applicable: true });
    expect(gapAnalysis(view).overall.applicable).toBe(2);
    expect(soaCsv(readSoa(registry), { risks: risks.values() })).toMatch(
      /A\.5\.4,.*Yes \(a risk’s treatment names it\),,Not started,,,rec-hire,risk-bias,risk-bias/,
    );
  });

  it('M1: a lead’s decision stands; a "not applicable" a risk contradicts is flagged', () => {
    const registry = fixtureRegistryDoc();
    saveSoaEntry(
      registry,
      'A.5.4',
      {
        applicable: false,
        justification: 'Out of scope',
        implementation: 'not-started',
        evidence: [],
        systems: [],
        risks: [],
      },
      'lead-1',
      AT,
    );
    const view = soaView(readSoa(registry), readRiskRegister(registry).risks.values());
    expect(view.entries.get('A.5.4')).toMatchObject({
      applicable: false,
      conflict: true,
      riskReasons: ['risk-bias'],
    });
    expect(readSoa(registry).entries.get('A.5.4')?.risks).toEqual([]);
  });

  it('M2: a record’s risks, its pre-filled risks section and the sign-off count agree', () => {
    const registry = fixtureRegistryDoc();
    const record = readRegistry(registry).records.get('rec-hire')!;
    const risks = readRiskRegister(registry).risks;
    const mine = risksOfSystem(risks.values(), record.id);
    expect(mine.map((r) => r.id)).toEqual(['risk-bias', 'risk-leak']);
    const section = AI_RISK_ASSESSMENT.sections.filter((s) => s.id === 'risks');
    const paragraphs = prefillSections(section, { record, risks: risks.values() }).get('risks')!;
    expect(paragraphs.map((p) => mine.findIndex((r) => p.includes(r.description)))).toEqual([0, 1]);
  });
});
