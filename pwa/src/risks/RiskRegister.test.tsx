import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  createRecord,
  readRiskRefs,
  readRiskRegister,
  saveRisk,
  type RiskFields,
} from '../../../shared/documents/registry/index.ts';
import type { SavedFile } from '../inventory/list/download.ts';
import {
  button,
  choose,
  cleanup,
  click,
  field,
  render,
  settle,
  type,
} from '../test-support/render.tsx';
import { cardLabelProblems } from '../ui/table-cards.test-support.ts';
import { RiskRegister } from './RiskRegister.tsx';

const AT = Date.UTC(2026, 2, 10, 12);

const base: RiskFields = {
  systemIds: ['r1'],
  source: 'algorithmic-bias',
  description: 'Ranks women lower',
  likelihood: 4,
  impact: 5,
  treatment: 'mitigate',
  controls: ['A.7.4'],
  status: 'open',
};

function registryDoc(): Y.Doc {
  const doc = new Y.Doc();
  createRecord(doc, 'r1', { name: 'HireRank' }, 'lead-1', AT);
  createRecord(doc, 'r2', { name: 'Chat helper' }, 'lead-1', AT);
  saveRisk(doc, 'k1', base, 'lead-1', AT);
  saveRisk(
    doc,
    'k2',
    {
      ...base,
      systemIds: ['r2'],
      source: 'privacy',
      description: 'Pastes <b>customer</b> data',
      likelihood: 2,
      impact: 2,
      treatment: 'accept',
      status: 'closed',
      controls: [],
    },
    'lead-1',
    AT,
  );
  return doc;
}

async function renderRegister(canEdit = true, doc = registryDoc()) {
  const files: SavedFile[] = [];
  const view = await render(
    <RiskRegister
      registry={doc}
      canEdit={canEdit}
      me="tok-lead"
      workspace="acme"
      now={() => AT + 60_000}
      saveFile={(file) => files.push(file)}
    />,
  );
  return { view, doc, files };
}

const dialog = () => document.body.querySelector<HTMLElement>('[role="dialog"]');
const bodyRows = (view: HTMLElement) =>
  [...view.querySelectorAll('tbody tr')].map((tr) => tr.querySelector('th')?.textContent);

beforeEach(() => void (window.location.hash = '#/risks'));
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('the risk register', () => {
  it('lists every risk, highest score first, with score, band, systems linked and text inert', async () => {
    const { view } = await renderRegister();
    expect(bodyRows(view)).toEqual(['Ranks women lower', 'Pastes <b>customer</b> data']);
    expect(view.querySelector('tbody b')).toBeNull();
    const first = view.querySelector('tbody tr')!;
    expect(first.textContent).toContain('20 Critical');
    expect(first.textContent).toContain('Algorithmic bias');
    expect(first.querySelector('a')?.getAttribute('href')).toBe('#/inventory/r1');
    // On a phone each row is a card that names every value's column.
    expect(cardLabelProblems(view.querySelector('table'), ['Actions'])).toEqual([]);
  });

  it('filters by band, status, treatment and system from the address', async () => {
    const { view } = await renderRegister();
    await choose(field(view, 'Status'), 'active');
    expect(window.location.hash).toBe('#/risks?status=active');
    expect(bodyRows(view)).toEqual(['Ranks women lower']);
    await choose(field(view, 'Status'), '');
    await choose(field(view, 'Treatment'), 'accept');
    expect(bodyRows(view)).toEqual(['Pastes <b>customer</b> data']);
    await choose(field(view, 'Treatment'), '');
    await choose(field(view, 'System'), 'r1');
    expect(bodyRows(view)).toEqual(['Ranks women lower']);
    await choose(field(view, 'System'), '');
    await choose(field(view, 'Band'), 'low');
    expect(bodyRows(view)).toEqual(['Pastes <b>customer</b> data']);
    expect(view.textContent).toContain('1 of 2 risks');
  });

  it('adds a risk from the dialog', async () => {
    const { view, doc } = await renderRegister();
    await click(button(view, 'New risk'));
    const form = dialog()!;
    await choose(field(form, 'Source'), 'model-drift');
    await type(field(form, 'Description (required)'), '  Accuracy falls after retraining ');
    await choose(field(form, 'Likelihood'), '2');
    await choose(field(form, 'Impact'), '4');
    await type(field(form, 'Owner'), 'Dana');
    await type(field(form, 'Due date'), '2026-06-30');
    await click(field(form, 'Chat helper'));
    await click(field(form, 'A.6.2.6'));
    await click(button(form, 'Add risk'));
    expect(dialog()).toBeNull();
    const added = [...readRiskRegister(doc).risks.values()].find((r) => r.source === 'model-drift');
    expect(added).toMatchObject({
      description: 'Accuracy falls after retraining',
      likelihood: 2,
      impact: 4,
      owner: 'Dana',
      systemIds: ['r2'],
      controls: ['A.6.2.6'],
      dueDate: Date.UTC(2026, 5, 30),
      updatedBy: 'tok-lead',
    });
    expect(view.textContent).toContain('8 Medium');
  });

  it('edits a risk, and a rejected edit shows why and changes nothing', async () => {
    const { view, doc } = await renderRegister();
    await click(button(view, 'Edit Ranks women lower'));
    const form = dialog()!;
    expect((field(form, 'Description (required)') as HTMLTextAreaElement).value).toBe(
      'Ranks women lower',
    );
    const before = Y.encodeStateAsUpdate(doc);
    await type(field(form, 'Description (required)'), '   ');
    await click(button(form, 'Save risk'));
    expect(dialog()?.querySelector('[role="alert"]')?.textContent).toMatch(
      /Not saved: description/,
    );
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    await type(field(form, 'Description (required)'), 'Ranks some groups lower');
    await choose(field(form, 'Status'), 'treating');
    await click(button(form, 'Save risk'));
    expect(dialog()).toBeNull();
    expect(readRiskRegister(doc).risks.get('k1')).toMatchObject({
      description: 'Ranks some groups lower',
      status: 'treating',
      likelihood: 4,
    });
  });

  it('removes a risk only after confirmation', async () => {
    const { view, doc } = await renderRegister();
    await click(button(view, 'Remove Ranks women lower'));
    await click(button(document.body, 'Cancel'));
    expect(readRiskRegister(doc).risks.has('k1')).toBe(true);
    await click(button(view, 'Remove Ranks women lower'));
    await click(button(document.body, 'Remove risk'));
    expect(readRiskRegister(doc).risks.has('k1')).toBe(false);
    expect(bodyRows(view)).toEqual(['Pastes <b>customer</b> data']);
  });

  it('is read only for a contributor, who can still export the CSV', async () => {
    const { view, files } = await renderRegister(false);
    expect(view.textContent).toContain('Read only');
    expect(() => button(view, 'New risk')).toThrow();
    // No edit or remove: only each risk's comments, to read (CMT7).
    const rowButtons = [...view.querySelectorAll('tbody button')];
    expect(rowButtons.length).toBeGreaterThan(0);
    expect(rowButtons.every((b) => b.classList.contains('comments-button'))).toBe(true);
    await click(button(view, 'Export CSV'));
    expect(files[0]!.name).toBe('acme-risk-register-2026-03-10.csv');
    const lines = files[0]!.text.split('\r\n');
    // Its reference (none yet: a contributor does not number risks, RID1), by description,
    // systems by name, values in words; the ids last (issue 14, finding 6).
    const row = lines.find((line) => line.startsWith(',Ranks women lower'))!;
    expect(row).toMatch(/^,Ranks women lower,HireRank,Algorithmic bias,4,5,20,critical,/);
    expect(row).toContain(',k1,r1,');
    expect(lines[0]).toContain('Exported by');
  });

  it('numbers every risk once for a lead (R-001…), shows and exports the number, and opens a risk from the address', async () => {
    const doc = registryDoc();
    const { view, files } = await renderRegister(true, doc);
    const refs = [...view.querySelectorAll('tbody td.risk-ref')].map((td) => td.textContent);
    expect(refs.sort()).toEqual(['R-001', 'R-002']);
    expect([...readRiskRefs(doc)]).toEqual([
      ['k1', 'R-001'],
      ['k2', 'R-002'],
    ]);
    await click(button(view, 'Export CSV'));
    expect(files[0]!.text).toContain('R-001,Ranks women lower,');
    window.location.hash = '#/risks?do=open-risk&id=k2';
    await vi.waitFor(() => expect(dialog()).not.toBeNull());
    await settle();
    expect(dialog()!.querySelector('textarea')?.value).toBe('Pastes <b>customer</b> data');
    expect(window.location.hash).toBe('#/risks');
  });
});
