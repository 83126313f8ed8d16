import { afterEach, describe, expect, it } from 'vitest';
import {
  appendParagraphs,
  readAssessment,
  sectionFragment,
} from '../../../shared/documents/assessment/index.ts';
import { cleanup, settle } from '../test-support/render.tsx';
import { renderView, workspace } from './assessment-view.test-support.tsx';

afterEach(cleanup);

/** The accessible name of an element named by aria-labelledby. */
const nameOf = (element: Element) =>
  document.getElementById(element.getAttribute('aria-labelledby') ?? '')?.textContent;

describe('the assessment page', () => {
  it('shows the title, the record, and every section as a named editor under its guidance', async () => {
    const { view, assessment } = await renderView('contributor');
    const { meta } = readAssessment(assessment);
    expect(view.querySelector('h1')?.textContent).toBe(meta!.title);
    expect(view.querySelector('a[href="#/inventory/r1"]')?.textContent).toBe('HireRank');
    const boxes = [...view.querySelectorAll('[role="textbox"][contenteditable]')];
    expect(boxes.map(nameOf)).toEqual(meta!.outline.map((s) => s.title));
    const first = meta!.outline[0]!;
    const container = view.querySelector(`[data-testid="section-editor-${first.id}"]`)!;
    const register = container.parentElement!.querySelector('[aria-label="From the register"]')!;
    expect(register.textContent).toContain('System: HireRank');
    const box = container.querySelector('[role="textbox"]')!;
    expect(document.getElementById(box.getAttribute('aria-describedby')!)?.textContent).toBe(
      first.guidance,
    );
    expect(box.getAttribute('contenteditable')).toBe('true');
  });

  it('shows what others type into a section, as text', async () => {
    const { view, assessment, sync } = await renderView('lead');
    const id = readAssessment(assessment).meta!.outline[1]!.id;
    // A second hold shares the page's document (what the relay would deliver lands there).
    const held = sync.openAssessment('a1');
    appendParagraphs(sectionFragment(held.doc, id, [])!, ['<img src=x onerror=alert(1)>']);
    await settle();
    const editor = view.querySelector(`[data-testid="section-editor-${id}"]`)!;
    expect(editor.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(editor.querySelector('img')).toBeNull();
    held.release();
  });

  it('is read-only for a document from a newer version of Sightline', async () => {
    const docs = workspace();
    docs.assessment.getMap('meta').set('schemaVersion', 99);
    const { view } = await renderView('lead', docs);
    const boxes = [...view.querySelectorAll('[role="textbox"]')];
    expect(boxes.length).toBeGreaterThan(0);
    expect(boxes.every((box) => box.getAttribute('contenteditable') === 'false')).toBe(true);
    expect(boxes.every((box) => box.getAttribute('aria-readonly') === 'true')).toBe(true);
    expect(view.textContent).toMatch(/newer version/);
  });

  it('refuses a member', async () => {
    const { view } = await renderView('member');
    expect(view.querySelector('[role="alert"]')?.textContent).toMatch(/member cannot open/);
  });
});
