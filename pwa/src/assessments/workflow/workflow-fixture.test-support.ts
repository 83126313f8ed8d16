import { getSchema } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap';
import type * as Y from 'yjs';
import {
  AT,
  draftAssessment,
  fixtureRegistryDoc,
} from '../../../../shared/assessments/fixture.test-support.ts';
import { sectionFragmentName } from '../../../../shared/documents/assessment/index.ts';

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
  // Approved by a named reviewer (S4) whenever every section is done, as a sign-off needs.
  const approvedBy = options.allDone === false ? {} : { approvedBy: 'Priya' };
  return { doc: draftAssessment(registry, { ...options, ...approvedBy }), registry };
}
