import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  META,
  OUTLINE,
  SECTIONS,
  assignSection,
  createAssessment,
  fragmentBlocks,
  readAssessment,
  sectionFragmentName,
  setReviewer,
  setSectionStatus,
  type NewAssessment,
} from './index.ts';
import { NEW } from './fixture.test-support.ts';

const AT = Date.UTC(2026, 2, 10);
const schema = getSchema([StarterKit]);

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
}

describe('createAssessment', () => {
  it('writes meta, outline, draft states and pre-filled paragraphs TipTap can open', () => {
    const doc = new Y.Doc({ gc: false });
    createAssessment(doc, NEW, 'lead-1', AT);
    const read = readAssessment(doc);
    expect(read.problems).toEqual([]);
    expect(read.meta).toEqual({
      schemaVersion: 1,
      kind: 'impact',
      recordId: 'rec-1',
      templateId: 'ai-system-impact-assessment',
      templateVersion: 1,
      title: 'Impact of HireRank',
      createdAt: AT,
      createdBy: 'lead-1',
      outline: NEW.outline,
    });
    expect(read.sections.get('affected')).toEqual({
      status: 'draft',
      updatedBy: 'lead-1',
      updatedAt: AT,
    });
    // The fragment is what TipTap's Collaboration extension binds to, with StarterKit's schema.
    const fragment = doc.getXmlFragment(sectionFragmentName('system'));
    const node = yXmlFragmentToProseMirrorRootNode(fragment, schema);
    expect(node.toJSON()).toEqual({
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text: 'System: HireRank.' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Intended purpose: ranking' }] },
      ],
    });
    expect(doc.getXmlFragment(sectionFragmentName('affected')).length).toBe(0);
  });

  it.each([
    ['an unknown kind', { kind: 'audit' }, /kind/],
    ['a bad record id', { recordId: 'a b' }, /recordId/],
    ['duplicate section ids', { outline: [NEW.outline[0]!, NEW.outline[0]!] }, /twice/],
    ['no sections', { outline: [] }, /sections/],
    ['pre-fill for an unknown section', { prefill: new Map([['nope', ['x']]]) }, /unknown section/],
    ['a bad section id', { outline: [{ ...NEW.outline[0]!, id: 'Section 1' }] }, /kebab/],
  ])('refuses %s and changes nothing', (_, patch, error) => {
    const doc = new Y.Doc({ gc: false });
    expect(() => createAssessment(doc, { ...NEW, ...patch } as NewAssessment, 'l', AT)).toThrow(
      error,
    );
    expect(Y.encodeStateVector(doc)).toEqual(Y.encodeStateVector(new Y.Doc()));
  });

  it('refuses to create twice in one document', () => {
    const doc = new Y.Doc({ gc: false });
    createAssessment(doc, NEW, 'lead-1', AT);
    expect(() => createAssessment(doc, NEW, 'lead-1', AT)).toThrow(/already/);
  });
});

describe('workflow', () => {
  it('sets statuses, assignees and reviewers; refuses unknown sections', () => {
    const doc = new Y.Doc({ gc: false });
    createAssessment(doc, NEW, 'lead-1', AT);
    expect(setSectionStatus(doc, 'system', 'in-review', 'c-1', AT + 1)).toBe(true);
    expect(setSectionStatus(doc, 'system', 'in-review', 'c-1', AT + 2)).toBe(false);
    expect(assignSection(doc, 'affected', 'Sam', 'lead-1', AT + 3)).toBe(true);
    expect(setReviewer(doc, 'Priya', true)).toBe(true);
    const read = readAssessment(doc);
    expect(read.sections.get('system')).toEqual({
      status: 'in-review',
      updatedBy: 'c-1',
      updatedAt: AT + 1,
    });
    expect(read.sections.get('affected')?.assignee).toBe('Sam');
    expect(read.reviewers).toEqual(['Priya']);
    expect(() => setSectionStatus(doc, 'nope', 'done', 'c-1', AT)).toThrow(/no section/);
    expect(() => setSectionStatus(doc, 'system', 'approved' as never, 'c-1', AT)).toThrow(/status/);
    assignSection(doc, 'affected', null, 'lead-1', AT + 4);
    expect(readAssessment(doc).sections.get('affected')?.assignee).toBeUndefined();
  });

  it('merges two people typing in one section offline, and their status changes', () => {
    const a = new Y.Doc({ gc: false });
    const b = new Y.Doc({ gc: false });
    createAssessment(a, NEW, 'lead-1', AT);
    sync(a, b);
    const textIn = (doc: Y.Doc) =>
      (doc.getXmlFragment(sectionFragmentName('system')).get(1) as Y.XmlElement).get(
        0,
      ) as Y.XmlText;
    textIn(a).insert(textIn(a).length, ' of applicants');
    textIn(b).insert(0, 'Main ');
    setSectionStatus(a, 'system', 'done', 'lead-1', AT + 5);
    setSectionStatus(b, 'affected', 'in-review', 'c-2', AT + 6);
    sync(a, b);
    for (const doc of [a, b]) {
      const blocks = fragmentBlocks(doc.getXmlFragment(sectionFragmentName('system')));
      expect(blocks[1]?.text).toBe('Main Intended purpose: ranking of applicants');
      expect(readAssessment(doc).sections.get('system')?.status).toBe('done');
      expect(readAssessment(doc).sections.get('affected')?.status).toBe('in-review');
    }
  });
});

describe('fragmentBlocks', () => {
  it('reads StarterKit content: headings, lists, quotes, code and hard breaks', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('x');
    prosemirrorJSONToYXmlFragment(
      schema,
      {
        type: 'doc',
        content: [
          { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Scope' }] },
          {
            type: 'paragraph',
            content: [
              { type: 'text', text: 'Bold', marks: [{ type: 'bold' }] },
              { type: 'hardBreak' },
              { type: 'text', text: 'next' },
            ],
          },
          {
            type: 'bulletList',
            content: [
              {
                type: 'listItem',
                content: [
                  { type: 'paragraph', content: [{ type: 'text', text: 'one' }] },
                  {
                    type: 'orderedList',
                    content: [
                      {
                        type: 'listItem',
                        content: [{ type: 'paragraph', content: [{ type: 'text', text: 'sub' }] }],
                      },
                    ],
                  },
                ],
              },
            ],
          },
          {
            type: 'blockquote',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: 'quoted' }] }],
          },
          { type: 'codeBlock', content: [{ type: 'text', text: 'x = 1' }] },
        ],
      },
      fragment,
    );
    expect(fragmentBlocks(fragment)).toEqual([
      { type: 'heading', text: 'Scope', level: 2 },
      { type: 'paragraph', text: 'Bold\nnext' },
      { type: 'bullet', text: 'one', depth: 1 },
      { type: 'ordered', text: 'sub', depth: 2 },
      { type: 'quote', text: 'quoted' },
      { type: 'code', text: 'x = 1' },
    ]);
  });

  it('survives nesting deeper than any editor writes', () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment('x');
    // Built one integrated level at a time (Yjs itself cannot integrate so deep a tree at once).
    let outer = new Y.XmlElement('blockquote');
    fragment.insert(0, [outer]);
    doc.transact(() => {
      for (let i = 0; i < 3000; i++) {
        const inner = new Y.XmlElement(i % 2 ? 'blockquote' : 'listItem');
        outer.insert(0, [inner]);
        outer = inner;
      }
      outer.insert(0, [new Y.XmlText('deep')]);
    });
    expect(fragmentBlocks(fragment).map((b) => b.text)).toEqual(['deep']);
  });
});

describe('readAssessment against hostile shapes', () => {
  it('skips what it cannot use and lists it', () => {
    const doc = new Y.Doc({ gc: false });
    createAssessment(doc, NEW, 'lead-1', AT);
    const meta = doc.getMap<unknown>(META);
    meta.set(OUTLINE, [
      ...NEW.outline,
      { id: 'BAD ID', title: 'x', guidance: '' },
      'text',
      { id: 'system', title: 'dup', guidance: '' },
    ]);
    const sections = doc.getMap<unknown>(SECTIONS);
    (sections.get('system') as Y.Map<unknown>).set('status', 'approved');
    sections.set('affected', 42);
    doc.getMap('reviewers').set('Mallory', 'yes');
    doc.getMap('signoffs').set('s1', new Y.Map());
    const version = new Y.Map<unknown>();
    doc.getMap('versions').set('v1', version);
    version.set('name', 'Version 1');
    version.set('number', 1);
    version.set('by', 'x');
    version.set('role', 'superuser');
    version.set('at', AT);
    const read = readAssessment(doc);
    expect(read.meta?.outline.map((s) => s.id)).toEqual(['system', 'affected']);
    expect(read.sections.get('system')?.status).toBe('draft');
    expect(read.sections.get('affected')?.status).toBe('draft');
    expect(read.reviewers).toEqual([]);
    expect(read.signoffs).toEqual([]);
    expect(read.versions).toEqual([]);
    const text = read.problems.join('\n');
    expect(text).toMatch(/meta.outline\[2\]: not a valid section/);
    expect(text).toMatch(/meta.outline\[4\]: not a valid section/);
    expect(text).toMatch(/sections.system.status: expected one of/);
    expect(text).toMatch(/sections.affected: expected a map/);
    expect(text).toMatch(/reviewers: skipped 1/);
    expect(text).toMatch(/signoffs.s1: unreadable sign-off/);
    expect(text).toMatch(/versions.v1.role/);
  });

  it('reads an empty or foreign document as no assessment, never throwing', () => {
    expect(readAssessment(new Y.Doc()).meta).toBeUndefined();
    const doc = new Y.Doc();
    doc.getArray(META).push([1]);
    doc.getText(sectionFragmentName('system')).insert(0, 'x');
    const read = readAssessment(doc);
    expect(read.meta).toBeUndefined();
    expect(read.problems[0]).toMatch(/meta/);
  });

  it('refuses to write into a document from a newer schema', () => {
    const doc = new Y.Doc({ gc: false });
    createAssessment(doc, NEW, 'lead-1', AT);
    doc.getMap(META).set('schemaVersion', 99);
    expect(() => setSectionStatus(doc, 'system', 'done', 'l', AT)).toThrow(/newer/);
    expect(readAssessment(doc).sections.get('system')?.status).toBe('draft');
  });
});
