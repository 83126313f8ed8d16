import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readComments, startThread, threadsAbout } from '../../../shared/comments/index.ts';
import {
  createRecord,
  readRegistryRecord,
  saveRisk,
  type RegistryRecord,
} from '../../../shared/documents/registry/index.ts';
import { REGISTRY_SCHEMA } from '../../../shared/documents/registry/schema.ts';
import { RecordView } from '../inventory/RecordView.tsx';
import { RiskRegister } from '../risks/RiskRegister.tsx';
import { cleanup, click, render, type } from '../test-support/render.tsx';

const AT = Date.UTC(2026, 11, 7, 9);
afterEach(cleanup);

function registry() {
  const doc = new Y.Doc();
  createRecord(doc, 'rec-1', { name: 'HireRank', vendor: 'Rank Ltd' }, 'Dana Okafor', AT - 1000);
  return doc;
}

async function recordPage(doc: Y.Doc, canEdit: boolean) {
  const record = readRegistryRecord(doc, 'rec-1') as RegistryRecord;
  return render(
    <RecordView record={record} registry={doc} canEdit={canEdit} me="Dana Okafor" now={() => AT} />,
  );
}

const dialog = () => document.querySelector('[role="dialog"]')!;
const commentsButton = (view: Element) =>
  view.querySelector('.record-header button.comments-button') as HTMLButtonElement;

describe('comments on a record (CMT7)', () => {
  it('a lead comments on a record from its page; the thread is stored in the registry', async () => {
    const doc = registry();
    const view = await recordPage(doc, true);
    await click(commentsButton(view));
    expect(dialog().querySelector('h2')?.textContent).toBe('Comments on HireRank');
    await type(
      dialog().querySelector('textarea[role="combobox"]'),
      'Who owns the vendor contract?',
    );
    await click([...dialog().querySelectorAll('button')].find((b) => b.textContent === 'Comment'));
    const threads = threadsAbout(readComments(doc), { type: 'record', id: 'rec-1' });
    expect(threads.map((t) => t.comments[0]!.body)).toEqual(['Who owns the vendor contract?']);
    expect(commentsButton(view).textContent).toContain('1 open');
  });

  it('a contributor reads the record’s threads and is told why there is no composer', async () => {
    const doc = registry();
    startThread(
      { doc, schema: REGISTRY_SCHEMA },
      { id: 't1', subject: { type: 'record', id: 'rec-1' }, body: 'Check the DPA.' },
      { name: 'Leo Brandt', role: 'lead' },
      AT,
    );
    const view = await recordPage(doc, false);
    await click(commentsButton(view));
    expect(dialog().textContent).toContain('Check the DPA.');
    expect(dialog().textContent).toMatch(/Only leads comment on records/);
    expect(dialog().querySelector('textarea')).toBeNull();
  });
});

describe('comments on a risk (CMT7)', () => {
  it('a lead comments on one risk from its row of the register', async () => {
    const doc = registry();
    // A risk as docs/assessments.md describes one: bias in ranking (ISO/IEC 42001 Annex C).
    saveRisk(
      doc,
      'k1',
      {
        systemIds: ['rec-1'],
        source: 'algorithmic-bias',
        description: 'Ranks women lower',
        likelihood: 4,
        impact: 5,
        treatment: 'mitigate',
        controls: [],
        status: 'open',
      },
      'Dana Okafor',
      AT,
    );
    window.location.hash = '#/risks';
    const view = await render(
      <RiskRegister registry={doc} canEdit me="Dana Okafor" workspace="acme" now={() => AT} />,
    );
    const row = [...view.querySelectorAll('tbody tr')].find((tr) =>
      tr.textContent?.includes('Ranks women lower'),
    )!;
    await click(row.querySelector('button.comments-button'));
    expect(dialog().querySelector('h2')?.textContent).toMatch(
      /^Comments on (R-001|Ranks women lower)$/,
    );
    await type(dialog().querySelector('textarea[role="combobox"]'), 'Likelihood 4 still right?');
    await click([...dialog().querySelectorAll('button')].find((b) => b.textContent === 'Comment'));
    const threads = threadsAbout(readComments(doc), { type: 'risk', id: 'k1' });
    expect(threads.map((t) => t.comments[0]!.body)).toEqual(['Likelihood 4 still right?']);
    window.location.hash = '';
  });
});
