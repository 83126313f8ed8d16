import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createRecord,
  readRiskErm,
  readRiskRegister,
  saveRisk,
} from '../../../../shared/documents/registry/index.ts';
import { GRC_COLUMNS } from '../../../../shared/assessments/index.ts';
import type { SavedFile } from '../../inventory/list/download.ts';
import { button, choose, cleanup, click, field, render, type } from '../../test-support/render.tsx';
import { RiskRegister } from '../RiskRegister.tsx';

/** ERM1 and ERM3 in the PWA (docs/assessments.md, "Enterprise risk register"). */

const AT = Date.UTC(2026, 10, 3, 12);

function registryDoc(): Y.Doc {
  const doc = new Y.Doc();
  createRecord(doc, 'r1', { name: 'HireRank' }, 'lead-1', AT);
  saveRisk(
    doc,
    'k1',
    {
      systemIds: ['r1'],
      source: 'algorithmic-bias',
      description: 'Ranks women lower',
      likelihood: 4,
      impact: 5,
      treatment: 'mitigate',
      controls: ['A.5.4'],
      status: 'treating',
    },
    'lead-1',
    AT,
  );
  return doc;
}

const dialog = () => document.body.querySelector<HTMLElement>('[role="dialog"]')!;

beforeEach(() => void (window.location.hash = '#/risks'));
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('enterprise risk fields in the risk dialog', () => {
  it('a lead rates the residual risk and files it for the ERM; the ERM export carries it', async () => {
    const doc = registryDoc();
    const files: SavedFile[] = [];
    const view = await render(
      <RiskRegister
        registry={doc}
        canEdit
        me="tok-lead"
        workspace="acme"
        now={() => AT + 60_000}
        saveFile={(file) => files.push(file)}
      />,
    );
    await click(button(view, 'Edit Ranks women lower'));
    const form = dialog();
    expect(form.textContent).toContain('inherent rating (before treatment): score 20, critical');
    expect(form.textContent).toContain('Residual: not rated yet');
    // Half a rating is refused and nothing is written.
    const before = Y.encodeStateAsUpdate(doc);
    await choose(field(form, 'Residual likelihood'), '2');
    await click(button(form, 'Save risk'));
    expect(form.querySelector('[role="alert"]')!.textContent).toMatch(
      /needs both likelihood and impact/,
    );
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    await choose(field(form, 'Residual impact'), '3');
    expect(form.textContent).toContain('Residual: score 6, medium');
    await type(field(form, 'Consequences for individuals'), 'Qualified candidates rejected');
    await type(field(form, 'ERM category'), 'Compliance');
    await type(field(form, 'ERM reference'), 'ERM-0142');
    await click(button(form, 'Save risk'));
    expect(document.body.querySelector('[role="dialog"]')).toBeNull();
    expect(readRiskErm(doc).erm.get('k1')).toEqual({
      residualLikelihood: 2,
      residualImpact: 3,
      consequenceIndividuals: 'Qualified candidates rejected',
      ermCategory: 'Compliance',
      ermReference: 'ERM-0142',
    });
    expect(readRiskRegister(doc).risks.get('k1')!.likelihood).toBe(4);

    await click(button(view, 'Export for ERM (CSV)'));
    expect(files[0]!.name).toBe('acme-erm-risks-2026-11-03.csv');
    const [header, row] = files[0]!.text.split('\r\n');
    expect(header!.startsWith(GRC_COLUMNS.join(','))).toBe(true);
    expect(row).toMatch(/^k1,ERM-0142,Ranks women lower,Ranks women lower,Compliance,/);
    expect(row).toContain(',4,5,20,Critical,2,3,6,Medium,Mitigate,');
  });
});
