import type { Editor } from '@tiptap/core';
import { afterEach, describe, expect, it } from 'vitest';
import { readComments } from '../../../shared/comments/index.ts';
import {
  appendParagraphs,
  blocksText,
  fragmentBlocks,
  readAssessment,
  sectionFragment,
} from '../../../shared/documents/assessment/index.ts';
import { act } from 'react';
import { AT, renderView, workspace } from '../assessments/assessment-view.test-support.tsx';
import { cleanup, click, type } from '../test-support/render.tsx';

afterEach(cleanup);

async function page(role: 'lead' | 'contributor') {
  const docs = workspace();
  const { assessment } = docs;
  const section = readAssessment(assessment).meta!.outline[1]!;
  appendParagraphs(sectionFragment(assessment, section.id, [])!, ['Candidates are ranked weekly.']);
  const { view } = await renderView(role, docs);
  const container = view.querySelector(`[data-testid="section-editor-${section.id}"]`)!;
  const box = container.querySelector('[role="textbox"]') as HTMLElement & { editor: Editor };
  const tools = container.previousElementSibling!;
  const text = () => blocksText(fragmentBlocks(sectionFragment(assessment, section.id, [])!));
  return { assessment, section, box, tools, text };
}

const dialog = () => document.querySelector('[role="dialog"]')!;
const button = (name: string, within: Element = dialog()) =>
  [...within.querySelectorAll('button')].find(
    (b) => b.textContent?.trim() === name || b.getAttribute('aria-label') === name,
  );

/** Selects `word` in the editor, comments on it proposing `replacement`. */
async function suggest(
  box: HTMLElement & { editor: Editor },
  tools: Element,
  word: string,
  replacement: string,
) {
  const editor = box.editor;
  let from = 0;
  editor.state.doc.descendants((node, position) => {
    const index = node.isText ? node.text!.indexOf(word) : -1;
    if (index >= 0) from = position + index;
  });
  await act(async () => void editor.commands.setTextSelection({ from, to: from + word.length }));
  await click(button('Comment on selection', tools));
  expect(dialog().querySelector('blockquote')?.textContent).toBe(word);
  await type(dialog().querySelector('textarea:not([role])'), replacement);
  await type(dialog().querySelector('textarea[role="combobox"]'), 'Say how often.');
  await click(button('Comment'));
}

describe('comments on an assessment section (CMT3, CMT6)', () => {
  it('has a formatting toolbar with one Tab stop, and a comments button per section', async () => {
    const { tools } = await page('lead');
    const bar = tools.querySelector('[role="toolbar"]')!;
    const names = [...bar.querySelectorAll('button')].map((b) => b.getAttribute('aria-label'));
    expect(names).toEqual([
      'Bold',
      'Italic',
      'Heading',
      'Bulleted list',
      'Numbered list',
      'Quote',
      'Undo',
      'Redo',
      'Comment on selection',
    ]);
    expect([...bar.querySelectorAll('button')].filter((b) => b.tabIndex === 0)).toHaveLength(1);
    expect(button('Comments', tools)).toBeDefined();
  });

  it('a lead accepts a suggestion: the passage is replaced as an edit and the thread resolved', async () => {
    const { assessment, box, tools, text } = await page('lead');
    await suggest(box, tools, 'weekly', 'every Monday');
    const [thread] = readComments(assessment).threads;
    expect(thread!.comments[0]).toMatchObject({ quote: 'weekly', proposal: 'every Monday' });
    await click(button('Accept suggestion'));
    expect(text()).toContain('Candidates are ranked every Monday.');
    const after = readComments(assessment).threads[0]!;
    expect(after.accepted).toEqual({ by: 'Dana', at: AT });
    expect(after.resolved).toEqual({ by: 'Dana', at: AT });
    expect(dialog().querySelector('details.comment-resolved')?.textContent).toContain(
      'suggestion accepted',
    );
  });

  it('refuses to apply a suggestion whose passage changed since', async () => {
    const { box, tools, text } = await page('lead');
    await suggest(box, tools, 'weekly', 'every Monday');
    const editor = box.editor;
    await act(
      async () => void editor.commands.insertContentAt(editor.state.doc.content.size - 3, 'ly'),
    );
    await click(button('Accept suggestion'));
    expect(dialog().querySelector('[role="alert"]')?.textContent).toMatch(/changed since/);
    expect(text()).not.toContain('every Monday');
  });
});
