import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  AI_RISK_ASSESSMENT,
  AI_SYSTEM_IMPACT_ASSESSMENT,
} from '../../../shared/assessments/index.ts';
import { readWorkspaceTemplates, saveTemplate } from '../../../shared/documents/registry/index.ts';
import { button, cleanup, click, field, render, type } from '../test-support/render.tsx';
import { TemplatesPage } from './TemplatesPage.tsx';

const AT = Date.UTC(2026, 2, 10, 12);
const CUSTOM_ID = `${AI_RISK_ASSESSMENT.id}-custom`;
const confirm = () => document.querySelector<HTMLElement>('[role="alertdialog"]');

async function renderPage(canEdit = true, doc = new Y.Doc()) {
  const view = await render(
    <TemplatesPage registry={doc} canEdit={canEdit} me="tok-lead" now={() => AT} />,
  );
  return { view, doc };
}

const stored = (doc: Y.Doc) => readWorkspaceTemplates(doc).templates.get(CUSTOM_ID)?.template;
const sections = (view: HTMLElement) => [
  ...view.querySelectorAll<HTMLElement>('.template-section'),
];
const sectionTitles = (view: HTMLElement) =>
  sections(view).map((s) => (field(s, 'Title') as HTMLInputElement).value);

async function customiseRisk(view: HTMLElement) {
  await click(button(view, `Customise ${AI_RISK_ASSESSMENT.title}`));
}

afterEach(cleanup);

describe('the templates page', () => {
  it('lists the built-ins, marked, and customises one into a workspace template, version 1', async () => {
    const { view, doc } = await renderPage();
    expect(view.textContent).toContain('None yet');
    expect(view.querySelectorAll('.template-badge')).toHaveLength(2);
    await customiseRisk(view);
    expect(stored(doc)).toEqual({ ...AI_RISK_ASSESSMENT, id: CUSTOM_ID, version: 1 });
    expect(readWorkspaceTemplates(doc).templates.get(CUSTOM_ID)?.updatedBy).toBe('tok-lead');
    expect(button(view, `Edit ${AI_RISK_ASSESSMENT.title}`)).toBeTruthy();
    expect(sections(view)).toHaveLength(AI_RISK_ASSESSMENT.sections.length);
    // The pre-fill rules of a copied section are shown, not editable.
    const prefilled = AI_RISK_ASSESSMENT.sections.findIndex((s) => s.prefill.length > 0);
    expect(sections(view)[prefilled]!.textContent).toContain(
      `Pre-filled from: ${AI_RISK_ASSESSMENT.sections[prefilled]!.prefill.join(', ')}`,
    );
    // A second copy takes the next free id.
    await customiseRisk(view);
    expect(readWorkspaceTemplates(doc).templates.has(`${CUSTOM_ID}-2`)).toBe(true);
  });

  it("edits a section's guidance, a control and the references, saved as the next version", async () => {
    const { view, doc } = await renderPage();
    await customiseRisk(view);
    const first = sections(view)[0]!;
    await type(field(first, 'Guidance'), 'Describe the system in plain words.');
    await type(field(first, 'References'), '6.1.2, A.5.2,');
    await click(field(first, 'A.9.2'));
    await click(button(view, 'Save template'));
    expect(view.textContent).toContain('Saved as version 2.');
    const section = stored(doc)!.sections[0]!;
    expect(stored(doc)!.version).toBe(2);
    expect(section.guidance).toBe('Describe the system in plain words.');
    expect(section.references).toEqual(['6.1.2', 'A.5.2']);
    expect(section.controls).toContain('A.9.2');
    expect(section.prefill).toEqual(AI_RISK_ASSESSMENT.sections[0]!.prefill);
  });

  it('adds, moves and removes sections (removal confirmed)', async () => {
    const { view, doc } = await renderPage();
    await customiseRisk(view);
    const original = AI_RISK_ASSESSMENT.sections.map((s) => s.title);
    await click(button(view, 'Add section'));
    const added = sections(view).at(-1)!;
    await type(field(added, 'Title'), 'Vendor due diligence');
    await type(field(added, 'Guidance'), 'What did the vendor tell us?');
    await click(button(sections(view).at(-1)!, 'Move Vendor due diligence up'));
    expect(sectionTitles(view).slice(-2)).toEqual(['Vendor due diligence', original.at(-1)]);
    await click(button(sections(view)[0]!, `Move ${original[0]} down`));
    expect(sectionTitles(view).slice(0, 2)).toEqual([original[1], original[0]]);
    expect(button(sections(view)[0]!, `Move ${original[1]} up`).disabled).toBe(true);

    await click(button(sections(view)[0]!, `Remove ${original[1]}`));
    expect(confirm()?.textContent).toContain(original[1]);
    await click(button(confirm()!, 'Cancel'));
    expect(sections(view)).toHaveLength(original.length + 1);
    await click(button(sections(view)[0]!, `Remove ${original[1]}`));
    await click(button(confirm()!, 'Remove'));
    expect(sectionTitles(view)[0]).toBe(original[0]);

    await click(button(view, 'Save template'));
    const titles = stored(doc)!.sections.map((s) => s.title);
    expect(titles).toEqual([
      original[0],
      ...original.slice(2, -1),
      'Vendor due diligence',
      original.at(-1),
    ]);
    expect(stored(doc)!.sections.find((s) => s.title === 'Vendor due diligence')).toMatchObject({
      id: 'section',
      condition: 'always',
      prefill: [],
    });
  });

  it('a bad save shows every problem next to its field and changes nothing', async () => {
    const { view, doc } = await renderPage();
    await customiseRisk(view);
    const before = Y.encodeStateAsUpdate(doc);
    await type(field(view.querySelector('.template-head-fields')!, 'Title'), '  ');
    await type(field(sections(view)[1]!, 'Guidance'), '');
    await type(field(sections(view)[2]!, 'References'), 'x'.repeat(41));
    await click(button(view, 'Save template'));
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    expect(stored(doc)!.version).toBe(1);
    expect(view.querySelector('[role="alert"]')?.textContent).toContain('Not saved');
    const guidance = field(sections(view)[1]!, 'Guidance');
    expect(guidance.getAttribute('aria-invalid')).toBe('true');
    const describedBy = guidance.getAttribute('aria-describedby')!;
    expect(document.getElementById(describedBy)?.textContent).toMatch(/length/i);
    expect(field(sections(view)[2]!, 'References').getAttribute('aria-invalid')).toBe('true');
    expect(field(sections(view)[0]!, 'Guidance').getAttribute('aria-invalid')).toBeNull();
    expect(
      field(view.querySelector('.template-head-fields')!, 'Title').getAttribute('aria-invalid'),
    ).toBe('true');
  });

  it('refuses to overwrite a save made by someone else since the editor opened', async () => {
    const { view, doc } = await renderPage();
    await customiseRisk(view);
    const other = new Y.Doc();
    Y.applyUpdate(other, Y.encodeStateAsUpdate(doc));
    saveTemplate(other, { ...stored(doc)!, version: 2, title: 'Theirs' }, 'lead-2', AT);
    // Applied while this editor is open on version 1: the page shows the newer version.
    await act(async () => Y.applyUpdate(doc, Y.encodeStateAsUpdate(other)));
    expect(view.textContent).toContain('Someone saved version 2');
    await type(field(sections(view)[0]!, 'Guidance'), 'Mine');
    await click(button(view, 'Save template'));
    expect(view.querySelector('[role="alert"]')?.textContent).toContain('expected 3, got 2');
    expect(stored(doc)).toMatchObject({ version: 2, title: 'Theirs' });
    await click(button(view, 'Load version 2'));
    expect(
      (field(view.querySelector('.template-head-fields')!, 'Title') as HTMLInputElement).value,
    ).toBe('Theirs');
    await click(button(view, 'Save template'));
    expect(stored(doc)!.version).toBe(3);
  });

  it('shows templates read-only to a contributor', async () => {
    const doc = new Y.Doc();
    saveTemplate(doc, { ...AI_SYSTEM_IMPACT_ASSESSMENT, id: 'ours', version: 1 }, 'l', AT);
    const { view } = await renderPage(false, doc);
    expect(() => button(view, `Customise ${AI_RISK_ASSESSMENT.title}`)).toThrow();
    expect(() => button(view, `Remove ${AI_SYSTEM_IMPACT_ASSESSMENT.title}`)).toThrow();
    await click(view.querySelector<HTMLButtonElement>('.template-list button')!);
    expect(view.querySelectorAll('.template-section').length).toBeGreaterThan(0);
    for (const set of view.querySelectorAll('.template-editor fieldset')) {
      expect((set as HTMLFieldSetElement).disabled).toBe(true);
    }
    expect(() => button(view, 'Save template')).toThrow();
    expect(() => button(view, 'Add section')).toThrow();
  });

  it('removes a workspace template after confirming', async () => {
    const { view, doc } = await renderPage();
    await customiseRisk(view);
    await click(button(view, `Remove ${AI_RISK_ASSESSMENT.title}`));
    await click(button(confirm()!, 'Remove'));
    expect(readWorkspaceTemplates(doc).templates.size).toBe(0);
    expect(view.querySelector('.template-editor')).toBeNull();
  });
});
