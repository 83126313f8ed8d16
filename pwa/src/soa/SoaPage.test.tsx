import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  createRecord,
  readSoa,
  saveRisk,
  saveSoaEntry,
} from '../../../shared/documents/registry/index.ts';
import type { SavedFile } from '../inventory/list/download.ts';
import { button, choose, cleanup, click, field, render, type } from '../test-support/render.tsx';
import { SoaPage } from './SoaPage.tsx';

const AT = Date.UTC(2026, 2, 10, 12);

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
      controls: [],
      status: 'open',
    },
    'lead-1',
    AT,
  );
  return doc;
}

async function renderSoa(canEdit = true, doc = registryDoc()) {
  const files: SavedFile[] = [];
  const view = await render(
    <SoaPage
      registry={doc}
      canEdit={canEdit}
      me="tok-lead"
      workspace="acme"
      now={() => AT}
      saveFile={(file) => files.push(file)}
    />,
  );
  return { view, doc, files };
}

const control = (view: HTMLElement, id: string) =>
  view.querySelector<HTMLElement>(`article[aria-labelledby="soa-control-${id}"]`)!;

/** The readiness cell of a clause group's row in the gap analysis. */
const readiness = (view: HTMLElement, group: string) =>
  [...view.querySelectorAll('.soa-gap-table tbody tr')]
    .find((tr) => tr.querySelector('th')?.textContent?.startsWith(`${group} `))
    ?.querySelectorAll('td')[0]?.textContent;

async function leave(element: HTMLElement) {
  await act(async () => {
    element.focus();
    element.blur();
  });
}

afterEach(cleanup);

describe('the Statement of Applicability', () => {
  it('lists the 38 Annex A controls in their nine clause groups, all undecided at first', async () => {
    const { view } = await renderSoa();
    expect(view.querySelectorAll('article.soa-control')).toHaveLength(38);
    expect([...view.querySelectorAll('section.soa-group h2')].map((h) => h.textContent)).toEqual([
      'A.2 Policies related to AI',
      'A.3 Internal organization',
      'A.4 Resources for AI systems',
      'A.5 Assessing impacts of AI systems',
      'A.6 AI system life cycle',
      'A.7 Data for AI systems',
      'A.8 Information for interested parties of AI systems',
      'A.9 Use of AI systems',
      'A.10 Third-party and customer relationships',
    ]);
    expect(readiness(view, 'A.2')).toContain('0 %');
    expect(view.textContent).toContain('0 of 38 controls decided');
  });

  it('saves applicability and implementation in place, and the gap analysis follows', async () => {
    const { view, doc } = await renderSoa();
    const a22 = control(view, 'A.2.2');
    await choose(field(a22, 'Applicable'), 'yes');
    await choose(field(a22, 'Implementation'), 'implemented');
    await type(field(a22, 'Owner'), 'Dana');
    await leave(field(a22, 'Owner'));
    expect(readSoa(doc).entries.get('A.2.2')).toMatchObject({
      applicable: true,
      implementation: 'implemented',
      owner: 'Dana',
      updatedBy: 'tok-lead',
    });
    // A.2 has three controls: one implemented of three to decide.
    expect(readiness(view, 'A.2')).toContain('33 %');
    const a23 = control(view, 'A.2.3');
    await choose(field(a23, 'Applicable'), 'yes');
    await choose(field(a23, 'Implementation'), 'partial');
    expect(readiness(view, 'A.2')).toContain('50 %');
  });

  it('refuses "not applicable" without a justification, changing nothing, until one is given', async () => {
    const { view, doc } = await renderSoa();
    const before = Y.encodeStateAsUpdate(doc);
    const a24 = control(view, 'A.2.4');
    await choose(field(a24, 'Applicable'), 'no');
    expect(a24.querySelector('[role="alert"]')?.textContent).toMatch(/needs a justification/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(field(a24, 'Justification (required)').getAttribute('aria-invalid')).toBe('true');
    await type(field(a24, 'Justification (required)'), 'We build no AI ourselves');
    await leave(field(a24, 'Justification (required)'));
    expect(a24.querySelector('[role="alert"]')).toBeNull();
    expect(readSoa(doc).entries.get('A.2.4')).toMatchObject({
      applicable: false,
      justification: 'We build no AI ourselves',
    });
    // Not applicable counts as neither a gap nor ready: A.2's other two remain gaps.
    expect(readiness(view, 'A.2')).toContain('0 %');
  });

  it('refuses a javascript: evidence link and keeps an https one as a link', async () => {
    const { view, doc } = await renderSoa();
    const a32 = control(view, 'A.3.2');
    await choose(field(a32, 'Applicable'), 'yes');
    const before = Y.encodeStateAsUpdate(doc);
    await type(field(a32, 'Add an evidence link'), 'javascript:alert(1)');
    await click(button(a32, 'Add link'));
    expect(a32.querySelector('[role="alert"]')?.textContent).toMatch(/Not saved: evidence/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(a32.querySelector('a[href^="javascript"]')).toBeNull();
    await type(field(a32, 'Add an evidence link'), 'https://wiki.example/roles');
    await click(button(a32, 'Add link'));
    expect(readSoa(doc).entries.get('A.3.2')?.evidence).toEqual(['https://wiki.example/roles']);
    expect(a32.querySelector('a')?.getAttribute('href')).toBe('https://wiki.example/roles');
    await click(button(a32, 'Remove link https://wiki.example/roles'));
    expect(readSoa(doc).entries.get('A.3.2')?.evidence).toEqual([]);
  });

  it('links the systems and risks a control treats', async () => {
    const { view, doc } = await renderSoa();
    const a74 = control(view, 'A.7.4');
    await choose(field(a74, 'Applicable'), 'yes');
    await click(field(a74, 'HireRank'));
    await click(field(a74, 'Ranks women lower'));
    expect(readSoa(doc).entries.get('A.7.4')).toMatchObject({ systems: ['r1'], risks: ['k1'] });
    expect(a74.textContent).toContain('Systems (1)');
  });

  it('is read only for a contributor, and exports CSV and Markdown', async () => {
    const doc = registryDoc();
    saveSoaEntry(
      doc,
      'A.2.2',
      {
        applicable: true,
        implementation: 'partial',
        owner: 'Dana',
        evidence: ['https://wiki.example/policy'],
        systems: ['r1'],
        risks: [],
      },
      'lead-1',
      AT,
    );
    const { view, files } = await renderSoa(false, doc);
    // Only the filters take input: no control can be edited.
    expect(view.querySelector('.soa-group :is(select, input, textarea)')).toBeNull();
    expect(control(view, 'A.2.2').textContent).toContain('Partial');
    expect(control(view, 'A.2.2').textContent).toContain('HireRank');
    expect(control(view, 'A.2.3').textContent).toContain('Undecided');
    await click(button(view, 'Export CSV'));
    await click(button(view, 'Export Markdown'));
    expect(files.map((f) => f.name)).toEqual(['acme-soa-2026-03-10.csv', 'acme-soa-2026-03-10.md']);
    expect(files[0]!.text.split('\r\n')).toHaveLength(40);
    expect(files[1]!.text).toContain('| A.2 Policies related to AI | 3 | 1 |');
  });

  it('filters the controls by theme, applicability, implementation and words, from the address', async () => {
    const doc = registryDoc();
    saveSoaEntry(
      doc,
      'A.2.2',
      {
        applicable: true,
        implementation: 'implemented',
        owner: 'Priya',
        evidence: [],
        systems: [],
        risks: [],
      },
      'lead-1',
      AT,
    );
    saveSoaEntry(
      doc,
      'A.10.4',
      {
        applicable: false,
        justification: 'No customers use our AI systems',
        implementation: 'not-started',
        evidence: [],
        systems: [],
        risks: [],
      },
      'lead-1',
      AT,
    );
    const shown = (view: HTMLElement) =>
      [...view.querySelectorAll('article.soa-control h3')].map((h) => h.textContent?.split(' ')[0]);
    window.location.hash = '#/soa?implementation=implemented';
    const { view } = await renderSoa(true, doc);
    expect(shown(view)).toEqual(['A.2.2']);
    expect(view.textContent).toContain('1 of 38 controls');
    await act(async () => void (window.location.hash = '#/soa?applicable=no'));
    await vi.waitFor(() => expect(shown(view)).toEqual(['A.10.4']));
    await act(async () => void (window.location.hash = '#/soa?q=priya'));
    await vi.waitFor(() => expect(shown(view)).toEqual(['A.2.2']));
    await act(async () => void (window.location.hash = '#/soa?group=A.3'));
    await vi.waitFor(() => expect(shown(view).every((id) => id?.startsWith('A.3.'))).toBe(true));
    // Changing a filter on the page writes the address.
    await choose(view.querySelector('.soa-filters select'), 'A.4');
    expect(window.location.hash).toBe('#/soa?group=A.4');
    window.location.hash = '';
  });
});
