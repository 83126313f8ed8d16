import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createRecord,
  indexAssessment,
  updateRecord,
} from '../../../../shared/documents/registry/index.ts';
import { ChangesDue } from '../../dashboard/ChangesDue.tsx';
import { RecordAssessments } from '../RecordAssessments.tsx';
import { button, cleanup, click, field, render, type } from '../../test-support/render.tsx';
import { SignificantChangePanel } from './SignificantChangePanel.tsx';

/** CHG4 (docs/assessments.md): the record, the assessment and the dashboard show one list. */

afterEach(cleanup);

const AT = Date.UTC(2026, 10, 2, 9);
const HOSTILE = '<img src=x onerror="globalThis.pwned=1">';
const DIFF = 'Model: “gpt-4o” → “gpt-4.1”';

function registryDoc(): Y.Doc {
  const doc = new Y.Doc();
  createRecord(doc, 'rec-1', { name: 'HireRank', model: 'gpt-4o' }, 'lead-a', AT);
  indexAssessment(doc, {
    id: 'as-1',
    recordId: 'rec-1',
    kind: 'impact',
    title: 'Impact of HireRank',
    createdAt: AT + 1,
    createdBy: 'lead-a',
  });
  updateRecord(doc, 'rec-1', { model: 'gpt-4.1', purpose: HOSTILE }, 'lead-b', AT + 60_000);
  return doc;
}

async function threeScreens(doc: Y.Doc, role: 'lead' | 'contributor') {
  const record = await render(<RecordAssessments registry={doc} recordId="rec-1" />);
  const dashboard = await render(<ChangesDue registry={doc} />);
  const panel = await render(
    <SignificantChangePanel
      registry={doc}
      assessmentId="as-1"
      role={role}
      me="lead-c"
      now={() => AT + 120_000}
    />,
  );
  return { record, dashboard, panel };
}

const marksText = (view: HTMLElement) =>
  [...view.querySelectorAll('.change-marks li')].map((li) => li.textContent);

describe('significant change on the record, the assessment and the dashboard', () => {
  it('shows the same marks with the difference, who and when, on all three', async () => {
    const { record, dashboard, panel } = await threeScreens(registryDoc(), 'contributor');
    const expected = [`lead-b, 2026-11-02 09:01 UTC: Purpose: (none) → “${HOSTILE}”; ${DIFF}`];
    expect(marksText(record)).toEqual(expected);
    expect(marksText(dashboard)).toEqual(expected);
    expect(marksText(panel)).toEqual(expected);
    for (const view of [record, dashboard, panel]) {
      expect(view.textContent).toContain(
        'Review due: significant change (impact assessment and FRIA, Art. 27(2))',
      );
      expect(view.querySelector('img')).toBeNull();
    }
    // A contributor sees it but cannot clear it (the registry is the leads').
    expect(panel.querySelector('form')).toBeNull();
  });

  it('a lead dismisses only with a reason; the review clears it everywhere', async () => {
    const doc = registryDoc();
    const { record, dashboard, panel } = await threeScreens(doc, 'lead');
    await click(panel.querySelector('input[value="dismissed"]'));
    const before = Y.encodeStateAsUpdate(doc);
    await click(button(panel, 'Record review'));
    expect(panel.querySelector('[role="alert"]')!.textContent).toMatch(/needs a reason/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    await type(field(panel, 'Reason'), 'Same model family, checked with the vendor.');
    await click(button(panel, 'Record review'));
    expect(marksText(record)).toEqual([]);
    expect(dashboard.textContent).toContain('No assessment has a significant change waiting');
    expect(panel.querySelector('details summary')!.textContent).toBe('Reviewed changes (1)');
    expect(panel.querySelector('details')!.textContent).toContain(
      'Not significant for this assessment by lead-c on 2026-11-02: Same model family',
    );
  });
});
