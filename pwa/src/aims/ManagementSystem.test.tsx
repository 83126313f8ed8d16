import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  AIMS_NONCONFORMITIES,
  AIMS_OBJECTIVES,
  AIMS_SCOPE,
  AIMS_SCOPE_ITEMS,
  readAimsRegister,
  saveAimsEntry,
} from '../../../shared/documents/aims/index.ts';
import { createRecord, saveRisk } from '../../../shared/documents/registry/index.ts';
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
import { AimsDashboard } from './AimsDashboard.tsx';
import { aimsPaletteCommands } from './aims-palette.ts';
import { ManagementSystem } from './ManagementSystem.tsx';

const AT = Date.UTC(2026, 11, 7, 12);
const DAY = 86_400_000;

function registryDoc(): Y.Doc {
  const doc = new Y.Doc();
  createRecord(doc, 'r1', { name: 'HireRank', owner: 'Dana' }, 'lead-1', AT);
  createRecord(doc, 'r2', { name: 'Chat helper' }, 'lead-1', AT);
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
      controls: [],
      status: 'open',
    },
    'lead-1',
    AT,
  );
  return doc;
}

async function renderPage(canEdit = true, doc = registryDoc()) {
  const files: SavedFile[] = [];
  const view = await render(
    <ManagementSystem
      registry={doc}
      canEdit={canEdit}
      me="Ana"
      workspace="acme"
      now={() => AT}
      saveFile={(file) => files.push(file)}
    />,
  );
  return { view, doc, files };
}

const dialog = () => document.body.querySelector<HTMLElement>('[role="dialog"]');
const section = (view: HTMLElement, id: string) => view.querySelector<HTMLElement>(`#aims-${id}`)!;

afterEach(cleanup);

describe('the management system page', () => {
  it('writes the scope statement once, then edits it', async () => {
    const { view, doc } = await renderPage();
    const scope = section(view, AIMS_SCOPE.id);
    await click(button(scope, 'Write the scope statement'));
    await type(field(dialog()!, 'Scope statement'), 'AI used by HR and Customer Service, EU sites');
    await click(button(dialog()!, 'Save'));
    expect(dialog()).toBeNull();
    expect(readAimsRegister(doc, AIMS_SCOPE).entries[0]).toMatchObject({
      id: 'aims',
      values: { statement: 'AI used by HR and Customer Service, EU sites' },
      updatedBy: 'Ana',
    });
    expect(scope.textContent).toContain('AI used by HR and Customer Service, EU sites');
    expect(() => button(scope, 'Write the scope statement')).toThrow();
  });

  it('adds an Annex C objective linked to a system, and shows it with the system named', async () => {
    const { view, doc } = await renderPage();
    const objectives = section(view, AIMS_OBJECTIVES.id);
    await click(button(objectives, 'New objective'));
    const form = dialog()!;
    await choose(field(form, 'Annex C objective'), 'Fairness');
    await type(field(form, 'Objective'), 'No unexplained gap in shortlisting');
    await type(field(form, 'Measure'), 'Selection-rate ratio, quarterly');
    await type(field(form, 'Target'), '≥ 0.8');
    await type(field(form, 'Owner'), 'Dana');
    await type(field(form, 'Due date'), '2027-03-31');
    await choose(field(form, 'Status'), 'on-track');
    await click(field(form, 'HireRank'));
    await click(button(form, 'Add objective'));
    expect(dialog()).toBeNull();
    expect(readAimsRegister(doc, AIMS_OBJECTIVES).entries[0]?.values).toEqual({
      annexC: 'Fairness',
      title: 'No unexplained gap in shortlisting',
      measure: 'Selection-rate ratio, quarterly',
      target: '≥ 0.8',
      owner: 'Dana',
      dueDate: Date.UTC(2027, 2, 31),
      status: 'on-track',
      systemIds: ['r1'],
    });
    const card = objectives.querySelector('.aims-entry')!;
    expect(card.querySelector('h3')?.textContent).toBe('No unexplained gap in shortlisting');
    expect(card.textContent).toContain('HireRank');
    expect(card.textContent).toContain('On track');
    expect(card.textContent).toContain('2027-03-31');
  });

  it('keeps a change someone else made while the dialog was open', async () => {
    const doc = registryDoc();
    const objective = {
      annexC: 'Fairness',
      title: 'Gap in shortlisting',
      measure: 'Ratio',
      target: '≥ 0.8',
      status: 'on-track',
    };
    saveAimsEntry(doc, AIMS_OBJECTIVES, 'o1', objective, 'Ana', AT);
    const { view } = await renderPage(true, doc);
    await click(button(view, 'Edit objective: Gap in shortlisting'));
    // Ben's change arrives through sync while Ana's dialog is open.
    saveAimsEntry(doc, AIMS_OBJECTIVES, 'o1', { ...objective, status: 'at-risk' }, 'Ben', AT + 1);
    await type(field(dialog()!, 'Target'), '≥ 0.9');
    await click(button(dialog()!, 'Save'));
    expect(readAimsRegister(doc, AIMS_OBJECTIVES).entries[0]?.values).toMatchObject({
      target: '≥ 0.9',
      status: 'at-risk',
    });
  });

  it('says which inventory records are not yet in or out of scope', async () => {
    const doc = registryDoc();
    const { view } = await renderPage(true, doc);
    const items = section(view, 'aimsScopeItems');
    expect(items.textContent).toContain('2 inventory records are not yet placed');
    saveAimsEntry(
      doc,
      AIMS_SCOPE_ITEMS,
      's1',
      { kind: 'record', name: 'HR tools', recordIds: ['r1'], included: true, reason: 'Hiring' },
      'Ana',
      AT,
    );
    await settle();
    expect(items.textContent).toContain(
      '1 inventory record is not yet placed in or out of scope: Chat helper.',
    );
  });

  it('refuses a save the writer refuses, says why, and changes nothing', async () => {
    const { view, doc } = await renderPage();
    await click(button(section(view, AIMS_NONCONFORMITIES.id), 'New nonconformity'));
    const form = dialog()!;
    await type(field(form, 'Nonconformity'), 'Impact assessment not reviewed');
    await choose(field(form, 'Status'), 'closed');
    await click(button(form, 'Add nonconformity'));
    expect(form.querySelector('[role="alert"]')?.textContent).toMatch(/effectiveness check/);
    expect(readAimsRegister(doc, AIMS_NONCONFORMITIES).entries).toEqual([]);
  });

  it('marks an overdue corrective action and names the linked risk', async () => {
    const doc = registryDoc();
    const nc = { title: 'No re-assessment', source: 'internal-audit', status: 'open' };
    saveAimsEntry(
      doc,
      AIMS_NONCONFORMITIES,
      'nc-1',
      { ...nc, dueDate: AT - 2 * DAY, riskIds: ['k1'] },
      'Ana',
      AT,
    );
    saveAimsEntry(doc, AIMS_NONCONFORMITIES, 'nc-2', { ...nc, dueDate: AT + 2 * DAY }, 'Ana', AT);
    const { view } = await renderPage(true, doc);
    const cards = [...section(view, AIMS_NONCONFORMITIES.id).querySelectorAll('.aims-entry')];
    expect(cards.map((card) => card.querySelector('.aims-badge')?.textContent ?? '')).toEqual([
      'Action overdue',
      '',
    ]);
    expect(cards[0]?.textContent).toContain('Ranks women lower');
  });

  it('exports a register as CSV and every register as JSON, from what the document holds', async () => {
    const doc = registryDoc();
    saveAimsEntry(
      doc,
      AIMS_OBJECTIVES,
      'o1',
      {
        annexC: 'Privacy',
        title: 'DPIA for every system',
        measure: 'Share of systems',
        target: '100 %',
        status: 'planned',
        systemIds: ['r2'],
      },
      'Ana',
      AT,
    );
    const { view, files } = await renderPage(false, doc);
    await click(button(view, 'Export CSV of AI objectives'));
    await click(button(view, 'Export all as JSON'));
    expect(files.map((file) => file.name)).toEqual([
      'acme-aimsObjectives-2026-12-07.csv',
      'acme-management-system-2026-12-07.json',
    ]);
    expect(files[0]?.text.split('\r\n')[1]).toContain('o1,Privacy,DPIA for every system');
    expect(files[0]?.text).toContain('r2,Chat helper');
    const json = JSON.parse(files[1]!.text) as Record<string, { entries: { id: string }[] }>;
    expect(json.aimsObjectives?.entries.map((entry) => entry.id)).toEqual(['o1']);
    expect(json.aimsPolicy).toMatchObject({ clause: '5.2', versions: [] });
  });

  it('is read only for those who cannot write the registry', async () => {
    const doc = registryDoc();
    saveAimsEntry(
      doc,
      AIMS_OBJECTIVES,
      'o1',
      { annexC: 'Privacy', title: 'DPIA', measure: 'm', target: 't', status: 'planned' },
      'Ana',
      AT,
    );
    const { view } = await renderPage(false, doc);
    expect(view.textContent).toContain('Read only');
    expect([...view.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Edit');
    expect(() => button(view, 'New objective')).toThrow();
  });

  it('offers every register in the command palette', () => {
    const went: string[] = [];
    const commands = aimsPaletteCommands((hash) => went.push(hash));
    expect(commands.map((command) => command.label)).toContain('AI objectives (6.2)');
    commands.find((command) => command.label.startsWith('Interested parties'))?.run();
    expect(went).toEqual(['#/aims/aimsParties']);
  });
});

describe('the dashboard and the page agree on overdue actions', () => {
  it('counts on the dashboard exactly the actions the page marks overdue', async () => {
    const doc = registryDoc();
    const nc = { title: 'No re-assessment', source: 'internal-audit', status: 'open' };
    saveAimsEntry(doc, AIMS_NONCONFORMITIES, 'a', { ...nc, dueDate: AT - 2 * DAY }, 'Ana', AT);
    saveAimsEntry(
      doc,
      AIMS_NONCONFORMITIES,
      'b',
      { ...nc, dueDate: AT - 9 * DAY, status: 'action-planned' },
      'Ana',
      AT,
    );
    saveAimsEntry(
      doc,
      AIMS_NONCONFORMITIES,
      'c',
      { ...nc, dueDate: AT - 9 * DAY, status: 'action-done' },
      'Ana',
      AT,
    );
    saveAimsEntry(doc, AIMS_NONCONFORMITIES, 'd', { ...nc, dueDate: AT + 9 * DAY }, 'Ana', AT);
    const { view } = await renderPage(true, doc);
    const marked = view.querySelectorAll(`#aims-${AIMS_NONCONFORMITIES.id} .aims-badge`).length;
    cleanup();
    const board = await render(<AimsDashboard registry={doc} now={() => AT} />);
    const figure = (term: string) =>
      [...board.querySelectorAll('dt')].find((dt) => dt.textContent === term)?.nextElementSibling
        ?.textContent;
    expect(marked).toBe(2);
    expect(figure('Corrective actions overdue')).toBe(String(marked));
    expect(figure('Open nonconformities')).toBe('4');
  });
});
