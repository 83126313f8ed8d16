import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { writeReporterConcerns } from '../../../shared/documents/discoveries/index.ts';
import {
  createRecord,
  readConcernDecisions,
  readIncidentRegister,
  saveIncident,
  type IncidentFields,
} from '../../../shared/documents/registry/index.ts';
import { RunningClocks } from './RunningClocks.tsx';
import type { SavedFile } from '../inventory/list/download.ts';
import { button, cleanup, click, field, render, type } from '../test-support/render.tsx';
import { cardLabelProblems } from '../ui/table-cards.test-support.ts';
import { IncidentsPage } from './IncidentsPage.tsx';

const HOUR = 3_600_000;
const DETECTED = Date.UTC(2027, 2, 1, 9, 30);
/** Three days after detection: a 2-day Art. 73(3) clock is overdue, a 15-day one runs. */
const NOW = DETECTED + 72 * HOUR;

const base: IncidentFields = {
  systemId: 'r1',
  title: 'Grid forecast failed',
  kind: 'incident',
  type: 'malfunction',
  detectedAt: DETECTED,
  detectedBy: 'Control room',
  description: 'Load forecast <b>froze</b>',
  peopleAffected: '',
  severity: 'critical',
  serious: ['b'],
  death: false,
  widespread: false,
  personalDataBreach: false,
  informed: { provider: { at: DETECTED + HOUR, by: 'Dana' } },
  useSuspended: true,
  riskIds: [],
  correctiveAction: '',
  status: 'open',
};

function registryDoc(): Y.Doc {
  const doc = new Y.Doc();
  createRecord(doc, 'r1', { name: 'GridSense' }, 'lead-1', DETECTED);
  saveIncident(doc, 'i1', base, 'lead-1', DETECTED + HOUR);
  saveIncident(
    doc,
    'i2',
    { ...base, title: 'Chatbot insulted a customer', serious: ['c'], informed: {} },
    'lead-1',
    DETECTED + HOUR,
  );
  return doc;
}

async function renderPage(incidentId?: string, doc = registryDoc()) {
  const files: SavedFile[] = [];
  const view = await render(
    <IncidentsPage
      registry={doc}
      canEdit
      me="tok-lead"
      workspace="acme"
      incidentId={incidentId}
      now={() => NOW}
      saveFile={(file) => files.push(file)}
    />,
  );
  return { view, doc, files };
}

const dialog = () => document.body.querySelector<HTMLElement>('[role="dialog"]');

beforeEach(() => void (window.location.hash = '#/incidents'));
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

describe('the incidents page', () => {
  it('lists incidents with their next deadline, overdue ones marked, text inert', async () => {
    const { view } = await renderPage();
    const rows = [...view.querySelectorAll('tbody tr')];
    expect(rows.map((tr) => tr.querySelector('th a')?.textContent)).toEqual([
      'Grid forecast failed',
      'Chatbot insulted a customer',
    ]);
    expect(rows[0]?.className).toBe('clock-overdue');
    expect(rows[0]?.textContent).toContain('AI Act Art. 73(3): 1 d 0 h overdue (Overdue)');
    expect(rows[1]?.className).toBe('clock-due-now');
    // On a phone each row is a card that names every value's column.
    expect(cardLabelProblems(view.querySelector('table'))).toEqual([]);
    expect(view.textContent).toContain('2 incidents · 3 reporting clocks running, 1 overdue');
  });

  it('shows one incident with each clock, its citation and state', async () => {
    const { view, files } = await renderPage('i1');
    const clocks = [...view.querySelectorAll('.incident-clock')];
    expect(clocks.map((li) => li.className)).toEqual([
      'incident-clock clock-met',
      'incident-clock clock-overdue',
    ]);
    expect(clocks[1]?.textContent).toContain('Market-surveillance authority (AI Act Art. 73(3))');
    expect(clocks[1]?.textContent).toContain('1 d 0 h overdue');
    expect(view.querySelector('.incident-text b')).toBeNull();
    await click(button(view, 'Download report (Markdown)'));
    expect(files[0]?.name).toBe('acme-incident-i1-2027-03-04.md');
    expect(files[0]?.text).toContain('## 6. Reporting deadlines and notifications');
  });

  it('records a new incident from the dialog and opens it with its clock running', async () => {
    const { view, doc } = await renderPage();
    await click(button(view, 'New incident'));
    const form = dialog()!;
    await type(field(form, 'Title (required)'), '  Triage tool missed a sepsis case ');
    await type(field(form, 'Became known at'), '2027-03-03T09:30');
    await click(field(form, 'Art. 3(49)(a)'));
    await click(field(form, 'A person died'));
    await click(button(form, 'Add incident'));
    expect(dialog()).toBeNull();
    const added = [...readIncidentRegister(doc).incidents.values()].find((i) =>
      i.title.startsWith('Triage'),
    );
    expect(added).toMatchObject({
      title: 'Triage tool missed a sepsis case',
      systemId: 'r1',
      detectedAt: new Date('2027-03-03T09:30').getTime(),
      detectedBy: 'tok-lead',
      serious: ['a'],
      death: true,
      createdBy: 'tok-lead',
    });
    expect(window.location.hash).toBe(`#/incidents/${added!.id}`);
  });

  it('refuses a save that breaks a rule, says why and changes nothing', async () => {
    const { view, doc } = await renderPage();
    const before = Y.encodeStateAsUpdate(doc);
    await click(button(view, 'New incident'));
    const form = dialog()!;
    await type(field(form, 'Title (required)'), 'Near miss');
    await click(field(form, 'A person died'));
    await click(button(form, 'Add incident'));
    expect(form.querySelector('[role="alert"]')?.textContent).toMatch(/Not saved: a death/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('exports the register as CSV and JSON', async () => {
    const { view, files } = await renderPage();
    await click(button(view, 'Export CSV'));
    await click(button(view, 'Export JSON'));
    expect(files.map((f) => f.name)).toEqual([
      'acme-incident-register-2027-03-04.csv',
      'acme-incident-register-2027-03-04.json',
    ]);
    expect(files[0]?.text.split('\r\n').filter(Boolean)).toHaveLength(3);
    expect(JSON.parse(files[1]!.text).incidents).toHaveLength(2);
  });

  it('agrees with the dashboard on how many clocks run', async () => {
    const doc = registryDoc();
    const { view } = await renderPage(undefined, doc);
    const pageText = view.textContent ?? '';
    cleanup();
    const dashboard = await render(<RunningClocks registry={doc} now={() => NOW} />);
    expect(dashboard.textContent).toContain('3 clocks running, 1 overdue');
    expect(pageText).toContain('3 reporting clocks running, 1 overdue');
  });
});

describe('concerns reported by employees (docs/incidents.md I9)', () => {
  function discoveriesDoc() {
    const doc = new Y.Doc();
    writeReporterConcerns(doc, 'r1', [
      {
        id: 'c1',
        toolName: 'GridSense',
        what: 'Forecast looked wrong all night',
        createdAt: NOW - HOUR,
      },
      {
        id: 'c2',
        toolName: 'ChatGPT',
        what: 'Pasted a payroll file',
        name: 'Sam Lee',
        createdAt: NOW - 2 * HOUR,
      },
    ]);
    return doc;
  }

  async function renderWithConcerns() {
    const registry = registryDoc();
    const view = await render(
      <IncidentsPage
        registry={registry}
        discoveries={discoveriesDoc()}
        canEdit
        me="tok-lead"
        workspace="acme"
        now={() => NOW}
      />,
    );
    return { view, registry };
  }

  it('lists them, pseudonymous unless named, and accepts one into the register', async () => {
    const { view, registry } = await renderWithConcerns();
    const section = view.querySelector<HTMLElement>('.proposed-concerns')!;
    expect(section.querySelector('h2')?.textContent).toBe('Concerns reported by employees (2)');
    const items = [...section.querySelectorAll('li')].map((li) => li.textContent);
    expect(items[0]).toContain('anonymous');
    expect(items[1]).toContain('Sam Lee');
    await click(button(section.querySelector('li')!, 'Accept as incident'));
    const form = dialog()!;
    expect((field(form, 'What happened') as HTMLTextAreaElement).value).toBe(
      'Forecast looked wrong all night',
    );
    await click(button(form, 'Add incident'));
    const decision = readConcernDecisions(registry).get('r1.c1');
    expect(decision).toMatchObject({ state: 'accepted', by: 'tok-lead' });
    expect(readIncidentRegister(registry).incidents.get(decision!.incidentId!)).toMatchObject({
      title: 'Concern about GridSense',
      detectedAt: NOW - HOUR - ((NOW - HOUR) % 60_000),
      detectedBy: 'An employee (anonymous)',
    });
  });

  it('dismisses one with a reason, and it leaves the list', async () => {
    const { view, registry } = await renderWithConcerns();
    vi.stubGlobal('prompt', () => 'Not about AI');
    const section = view.querySelector<HTMLElement>('.proposed-concerns')!;
    await click(button(section.querySelectorAll('li')[1] as HTMLElement, 'Dismiss'));
    expect(readConcernDecisions(registry).get('r1.c2')).toMatchObject({
      state: 'dismissed',
      reason: 'Not about AI',
    });
    expect(view.querySelector('.proposed-concerns h2')?.textContent).toBe(
      'Concerns reported by employees (1)',
    );
    vi.unstubAllGlobals();
  });
});
