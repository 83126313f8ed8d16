import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { AI_RISK_ASSESSMENT } from '../../../shared/assessments/index.ts';
import { readAssessment } from '../../../shared/documents/assessment/index.ts';
import {
  createRecord,
  readAssessmentIndex,
  saveTemplate,
} from '../../../shared/documents/registry/index.ts';
import { AT, dialog, renderAssessmentList } from '../assessments/assessment-list.test-support.tsx';
import { button, choose, cleanup, click } from '../test-support/render.tsx';

afterEach(cleanup);

describe('the New assessment dialog', () => {
  it('offers the workspace’s templates first and starts an assessment from one', async () => {
    const registry = new Y.Doc();
    createRecord(registry, 'r1', { name: 'HireRank' }, 'Dana', AT);
    const ours = {
      ...AI_RISK_ASSESSMENT,
      id: 'our-risk',
      version: 1,
      title: 'Our <b>risk</b> review',
      sections: [{ ...AI_RISK_ASSESSMENT.sections[0]!, title: 'Vendor first' }],
    };
    saveTemplate(registry, ours, 'lead', AT);
    saveTemplate(registry, { ...ours, version: 2 }, 'lead', AT);
    const { view, stored } = await renderAssessmentList('lead', registry);
    await click(button(view, 'New assessment'));
    const choices = [...dialog().querySelectorAll('fieldset label')].map((l) => l.textContent);
    expect(choices).toEqual([
      'Our <b>risk</b> review',
      'AI risk assessment',
      'AI system impact assessment',
    ]);
    expect(dialog().querySelector('fieldset b')).toBeNull();
    await choose(dialog().querySelector('select'), 'r1');
    await click(dialog().querySelector<HTMLInputElement>('input[value="our-risk"]'));
    await click(button(dialog(), 'Create assessment'));
    const [listed] = readAssessmentIndex(registry).assessments;
    const { meta } = readAssessment(stored[listed!.id]!);
    expect(meta).toMatchObject({ templateId: 'our-risk', templateVersion: 2 });
    expect(meta!.outline.map((s) => s.title)).toEqual(['Vendor first']);
  });
});
