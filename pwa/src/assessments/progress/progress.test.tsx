import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { AI_RISK_ASSESSMENT, startAssessment } from '../../../../shared/assessments/index.ts';
import { readAssessment, setSectionStatus } from '../../../../shared/documents/assessment/index.ts';
import {
  createRecord,
  indexAssessment,
  readRegistryRecord,
} from '../../../../shared/documents/registry/index.ts';
import type { OpenedAssessment } from '../../sync/assessment-documents.ts';
import { fakeSync } from '../../test-support/fake-sync.ts';
import { cleanup, render, settle } from '../../test-support/render.tsx';
import { AssessmentList } from '../AssessmentList.tsx';
import { AssessmentView } from '../AssessmentView.tsx';
import { assessmentProgress } from './assessment-progress.ts';
import { holdCounter, scrollList, stubIntersectionObserver } from './in-view.test-support.ts';

const AT = Date.UTC(2026, 2, 10, 12);
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

/** A risk assessment of HireRank (the built-in template's outline), indexed in the registry. */
function workspace(registry = new Y.Doc()) {
  createRecord(registry, 'r1', { name: 'HireRank' }, 'Dana', AT);
  const assessment = new Y.Doc({ gc: false });
  const record = readRegistryRecord(registry, 'r1')!;
  startAssessment(assessment, { template: AI_RISK_ASSESSMENT, record }, 'Dana', AT);
  const { meta } = readAssessment(assessment);
  indexAssessment(registry, {
    id: 'a1',
    recordId: 'r1',
    kind: 'risk',
    title: meta!.title,
    createdBy: 'Dana',
    createdAt: AT,
  });
  return { registry, assessment, outline: meta!.outline };
}

const renderList = (registry: Y.Doc, openAssessment: (id: string) => OpenedAssessment) =>
  render(
    <AssessmentList
      registry={registry}
      canCreate
      openAssessment={openAssessment}
      me="Dana"
      now={() => AT}
    />,
  );

/** Assessment a1's page, as a lead. */
const renderPage = (sync: ReturnType<typeof fakeSync>) =>
  render(
    <AssessmentView
      sync={sync}
      assessmentId="a1"
      role="lead"
      me="Dana"
      user={{ name: 'Dana', colour: '#2e86de' }}
      now={() => AT}
    />,
  );

const shown = (view: HTMLElement) => view.querySelector('.assessment-progress')?.textContent;

describe('assessment progress', () => {
  it('counts the outline’s sections marked done, not those in draft or in review', () => {
    const { assessment, outline } = workspace();
    expect(outline.length).toBeGreaterThan(2);
    setSectionStatus(assessment, outline[0]!.id, 'done', 'Dana', AT);
    setSectionStatus(assessment, outline[1]!.id, 'in-review', 'Dana', AT);
    expect(assessmentProgress(readAssessment(assessment))).toEqual({
      done: 1,
      total: outline.length,
    });
    expect(assessmentProgress(readAssessment(new Y.Doc()))).toEqual({ done: 0, total: 0 });
  });

  it('is the same in the list and on the page, and both follow a co-editor’s change', async () => {
    stubIntersectionObserver();
    const { registry, assessment, outline } = workspace();
    setSectionStatus(assessment, outline[0]!.id, 'done', 'Dana', AT);
    setSectionStatus(assessment, outline[2]!.id, 'done', 'Dana', AT);
    const sync = fakeSync({ workspace: 'acme', token: 't', role: 'lead' }, { registry }, 'online', {
      a1: assessment,
    });
    const list = await renderList(registry, sync.openAssessment);
    const page = await renderPage(sync);
    await scrollList(list, () => true);
    await settle();
    const words = `2 of ${outline.length} sections done`;
    expect(shown(list)).toBe(words);
    expect(shown(page)).toBe(words);
    const bar = list.querySelector('.assessment-progress progress')!;
    expect(bar.getAttribute('value')).toBe('2');
    expect(bar.getAttribute('max')).toBe(String(outline.length));
    expect(document.getElementById(bar.getAttribute('aria-labelledby')!)?.textContent).toBe(words);

    // A co-editor marks one more section done: both screens show it.
    const held = sync.openAssessment('a1');
    await act(async () => setSectionStatus(held.doc, outline[1]!.id, 'done', 'Ben', AT + 1));
    held.release();
    await settle();
    const after = `3 of ${outline.length} sections done`;
    expect(shown(list)).toBe(after);
    expect(shown(page)).toBe(after);
  });

  it('opens only the documents of the rows on screen, and says which rows are not read yet', async () => {
    stubIntersectionObserver();
    const registry = new Y.Doc();
    // 200 assessments; the newest (listed first) is the real one, with 2 sections done.
    for (let i = 0; i < 199; i++) {
      indexAssessment(registry, {
        id: `old-${i}`,
        recordId: 'r1',
        kind: 'impact',
        title: `Impact ${i}`,
        createdBy: 'Dana',
        createdAt: AT - 1_000 - i,
      });
    }
    const { assessment, outline } = workspace(registry);
    setSectionStatus(assessment, outline[0]!.id, 'done', 'Dana', AT);
    setSectionStatus(assessment, outline[1]!.id, 'done', 'Dana', AT);
    const sync = fakeSync({ workspace: 'acme', token: 't', role: 'lead' }, { registry }, 'online', {
      a1: assessment,
    });
    const holds = holdCounter(sync.openAssessment);
    const list = await renderList(registry, holds.open);
    const progressCells = () =>
      [...list.querySelectorAll('td[data-label="Progress"]')].map((cell) => cell.textContent);
    expect(progressCells()).toHaveLength(200);
    // Before the browser says what is on screen, nothing is opened and nothing is claimed.
    expect(holds.held()).toEqual([]);
    expect(new Set(progressCells())).toEqual(new Set(['Not read yet']));

    // The first 12 rows on screen: 12 documents open, the rest are "not read yet".
    await scrollList(list, (row) => row < 12);
    expect(holds.held()).toHaveLength(12);
    expect(holds.held()).toContain('a1');
    const words = `2 of ${outline.length} sections done`;
    expect(progressCells()[0]).toBe(words);
    expect(
      progressCells()
        .slice(12)
        .every((text) => text === 'Not read yet'),
    ).toBe(true);

    // The page shows the same count as the list's row.
    const page = await renderPage(sync);
    await settle();
    expect(shown(page)).toBe(words);

    // Scrolled down: the rows that left give their documents back, the new ones open.
    await scrollList(list, (row) => row >= 100 && row < 112);
    expect(holds.held()).toHaveLength(12);
    expect(holds.held()).not.toContain('a1');
    expect(progressCells()[0]).toBe('Not read yet');
    expect(holds.opened()).toBe(24);
  });
});
