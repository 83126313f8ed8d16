import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createRecord,
  saveTrackedDuty,
  setUseProfile,
} from '../../../shared/documents/registry/index.ts';
import { cleanup, render } from '../test-support/render.tsx';
import { DutiesDue } from './DutiesDue.tsx';

const TODAY = Date.UTC(2026, 11, 7, 10);
afterEach(cleanup);

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('the dashboard counts the EU AI Act duties still open', () => {
  it('those that apply now, and those due before 2 Dec 2027 (Annex III, Art. 113 as amended)', async () => {
    const doc = new Y.Doc();
    createRecord(doc, 'hire', { name: 'HireRank' }, 'lead', TODAY);
    setUseProfile(doc, 'hire', { annexIII: ['employment.recruitment'] }, 'lead', TODAY);
    createRecord(doc, 'bot', { name: 'HelpBot' }, 'lead', TODAY);
    setUseProfile(doc, 'bot', { deepFake: true }, 'lead', TODAY);
    saveTrackedDuty(doc, 'bot', 'art-50-4-deep-fake', { status: 'done' }, 'lead', TODAY);
    const view = await render(<DutiesDue registry={doc} now={() => TODAY} />);
    const figures = [...view.querySelectorAll('.duties-due dl > div')].map(
      (div) => `${text(div.querySelector('dt'))}: ${text(div.querySelector('dd'))}`,
    );
    // HireRank: 12 Art. 26/27/86 duties from 2 Dec 2027 + Art. 4 now; HelpBot: Art. 4 now (its
    // Art. 50(4) disclosure is done; Art. 50(2) binds the provider).
    expect(figures).toEqual([
      'Open duties that apply now: 2',
      'Due before 2 Dec 2027: 14',
      'Systems tracked: 2',
    ]);
  });

  it('says so when no system is tracked', async () => {
    const view = await render(<DutiesDue registry={new Y.Doc()} now={() => TODAY} />);
    expect(text(view.querySelector('.duties-due p'))).toMatch(/No high-risk system/);
  });
});
