import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  readRiskErm,
  readRiskRegister,
  saveRisk,
  saveRiskErm,
  type RiskFields,
} from '../documents/registry/index.ts';
import { GRC_COLUMNS, riskRegisterGrcCsv, riskTitle } from './grc-export.ts';

/** ERM3 (docs/assessments.md): the GRC-ready CSV, every column always present, in one order. */

const AT = Date.UTC(2026, 10, 3, 10);
const RISK: RiskFields = {
  systemIds: ['rec-1'],
  source: 'model-drift',
  description: 'Fraud model drifts after a change in card-present mix\nSeen in Q3 back-tests.',
  likelihood: 4,
  impact: 4,
  owner: 'Head of Fraud',
  treatment: 'mitigate',
  controls: ['A.6.2.6', 'A.2.2'],
  status: 'treating',
  dueDate: Date.UTC(2027, 0, 31),
};

const parse = (csv: string) => Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;

describe('the GRC-ready risk register export', () => {
  it('writes the documented columns, inherent and residual scores and the ERM mapping', () => {
    const doc = new Y.Doc();
    saveRisk(doc, 'risk-1', RISK, 'lead', AT);
    saveRisk(doc, 'risk-2', { ...RISK, description: '=HYPERLINK("x")', controls: [] }, 'lead', AT);
    saveRiskErm(
      doc,
      'risk-1',
      {
        residualLikelihood: 2,
        residualImpact: 4,
        consequenceOrganisation: 'Fraud losses',
        consequenceIndividuals: 'Cards blocked wrongly',
        consequenceSociety: '@SUM(1)',
        ermCategory: 'Operational',
        ermReference: 'ORM-0042',
      },
      'lead',
      AT,
    );
    const csv = riskRegisterGrcCsv(
      readRiskRegister(doc).risks.values(),
      readRiskErm(doc).erm,
      new Map([['rec-1', 'Card fraud scoring']]),
    );
    const [header, ...rows] = parse(csv);
    expect(header).toEqual([...GRC_COLUMNS]);
    const byColumn = (row: string[]) =>
      Object.fromEntries(GRC_COLUMNS.map((column, i) => [column, row[i]]));
    // Sorted by description: "=HYPERLINK…" before "Fraud…"; its formula is neutralised.
    expect(byColumn(rows[0]!)).toMatchObject({
      'Sightline risk ID': 'risk-2',
      'Risk title': `'=HYPERLINK("x")`,
      'ERM reference': '',
      'Residual score': '',
      'Residual rating': '',
      'Inherent score': '16',
    });
    expect(byColumn(rows[1]!)).toEqual({
      'Sightline risk ID': 'risk-1',
      'ERM reference': 'ORM-0042',
      'Risk title': 'Fraud model drifts after a change in card-present mix',
      Description: RISK.description,
      'ERM category': 'Operational',
      'Risk source': expect.stringMatching(/drift/i),
      'AI systems': 'Card fraud scoring',
      'Risk owner': 'Head of Fraud',
      'Inherent likelihood': '4',
      'Inherent impact': '4',
      'Inherent score': '16',
      'Inherent rating': 'High',
      'Residual likelihood': '2',
      'Residual impact': '4',
      'Residual score': '8',
      'Residual rating': 'Medium',
      Response: 'Mitigate',
      Controls: expect.stringMatching(/^A\.2\.2 .+; A\.6\.2\.6 /),
      'Consequences for the organisation': 'Fraud losses',
      'Consequences for individuals': 'Cards blocked wrongly',
      'Consequences for society': "'@SUM(1)",
      State: 'Treating',
      'Due date': '2027-01-31',
      'Last updated': '2026-11-03T10:00:00.000Z',
      'Updated by': 'lead',
      'AI system IDs': 'rec-1',
    });
  });

  it('clips a long first line for the title', () => {
    expect(riskTitle('x'.repeat(150))).toHaveLength(100);
    expect(riskTitle('  short\nmore')).toBe('short');
  });
});
