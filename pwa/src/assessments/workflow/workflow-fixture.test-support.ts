import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { AT, fixtureRegistryDoc } from '../../../../shared/assessments/fixture.test-support.ts';
import { AI_RISK_ASSESSMENT, startAssessment } from '../../../../shared/assessments/index.ts';
import {
  readAssessment,
  sectionFragmentName,
  setReviewer,
  setSectionStatus,
} from '../../../../shared/documents/assessment/index.ts';
import { readRegistry, readRiskRegister } from '../../../../shared/documents/registry/index.ts';

export { AT };
const schema = getSchema([StarterKit]);

/** Writes paragraphs into a section the way the editor (TipTap through y-prosemirror) does. */
export function writeSection(doc: Y.Doc, sectionId: string, paragraphs: string[]) {
  const fragment = doc.getXmlFragment(sectionFragmentName(sectionId));
  doc.transact(() => fragment.delete(0, fragment.length));
  prosemirrorJSONToYXmlFragment(
    schema,
    {
      type: 'doc',
      content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
    },
    fragment,
  );
}

/**
 * The risk assessment of shared/assessments/exports.test.ts before its sign-off (so a sign-off
 * through the panel by lead-1 at AT + 1 day gives the golden files' bytes).
 */
export function fixtureDocs(options: { allDone?: boolean; hostile?: string } = {}) {
  const registry = fixtureRegistryDoc();
  const record = readRegistry(registry).records.get('rec-hire')!;
  const doc = new Y.Doc({ gc: false });
  const hostile = options.hostile;
  startAssessment(
    doc,
    {
      template: AI_RISK_ASSESSMENT,
      record,
      risks: readRiskRegister(registry).risks.values(),
      ...(hostile ? { title: hostile } : {}),
    },
    'lead-1',
    AT,
  );
  const text = hostile ?? 'Dana owns both risks';
  prosemirrorJSONToYXmlFragment(
    schema,
    {
      type: 'doc',
      content: [
        { type: 'paragraph', content: [{ type: 'text', text }] },
        {
          type: 'bulletList',
          content: ['Quarterly bias test', text].map((item) => ({
            type: 'listItem',
            content: [{ type: 'paragraph', content: [{ type: 'text', text: item }] }],
          })),
        },
      ],
    },
    doc.getXmlFragment(sectionFragmentName('owners')),
  );
  setReviewer(doc, hostile ?? 'Priya', true);
  if (options.allDone !== false) {
    for (const section of readAssessment(doc).meta!.outline) {
      setSectionStatus(doc, section.id, 'done', 'lead-1', AT + 100);
    }
  }
  return { doc, registry };
}
