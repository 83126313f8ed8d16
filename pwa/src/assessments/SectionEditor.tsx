import Collaboration from '@tiptap/extension-collaboration';
import CollaborationCaret from '@tiptap/extension-collaboration-caret';
import { EditorContent, useEditor } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { memo, useEffect, useMemo, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { type Actor } from '../../../shared/comments/index.ts';
import {
  ASSESSMENT_SCHEMA,
  sectionFragmentName,
  type OutlineSection,
} from '../../../shared/documents/assessment/index.ts';
import { CommentsButton, CommentsPanel, useOpenThreadCount } from '../comments/CommentsPanel.tsx';
import type { Passage } from '../comments/CommentsPanel.tsx';
import { applyProposal, selectedPassage } from '../comments/passage.ts';
import { EditorToolbar } from './EditorToolbar.tsx';
import { RegisterView, type RegisterViewProps } from './RegisterView.tsx';
import { sectionAwareness } from './section-awareness.ts';

interface Props {
  doc: Y.Doc;
  awareness: Awareness;
  section: OutlineSection;
  editable: boolean;
  /** This device's person as others see them beside the caret. */
  user: { name: string; color: string };
  /** The register's view of the section, when the template pre-fills it. */
  register?: RegisterViewProps | undefined;
  /** Who comments (CMT7: whoever may write the assessment). */
  actor: Actor;
  now?: (() => number) | undefined;
}

/**
 * One section's rich text, bound to its own Y.XmlFragment (`section:<id>`). Collaboration keeps
 * the text and brings its own undo (StarterKit's undoRedo would undo others' edits), and
 * CollaborationCaret shows the others' carets and names through the assessment's awareness.
 * Memoised and never re-rendered per keystroke: ProseMirror updates its own DOM.
 */
export const SectionEditor = memo(function SectionEditor({
  doc,
  awareness,
  section,
  editable,
  user,
  register,
  actor,
  now,
}: Props) {
  const headingId = `section-title-${section.id}`;
  const guidanceId = `section-guidance-${section.id}`;
  const field = sectionFragmentName(section.id);
  const host = useMemo(() => ({ doc, schema: ASSESSMENT_SCHEMA }), [doc]);
  const subject = useMemo(() => ({ type: 'section' as const, id: section.id }), [section.id]);
  const openThreads = useOpenThreadCount(host, subject);
  const [commenting, setCommenting] = useState(false);
  const [passage, setPassage] = useState<Passage | undefined>();
  const view = useMemo(
    () => sectionAwareness(awareness, doc.getXmlFragment(field)),
    [awareness, doc, field],
  );
  const editor = useEditor(
    {
      immediatelyRender: true,
      shouldRerenderOnTransaction: false,
      // TipTap adds a <style> element for ProseMirror's basics: it carries the page's CSP nonce
      // (pwa/src/app/style-nonce.ts), or the strict style-src refuses it.
      injectNonce: (globalThis as { __webpack_nonce__?: string }).__webpack_nonce__,
      editable,
      extensions: [
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: doc, field }),
        CollaborationCaret.configure({ provider: { awareness: view }, user }),
      ],
      editorProps: {
        attributes: {
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-labelledby': headingId,
          'aria-describedby': guidanceId,
          class: 'section-editor-text',
        },
      },
    },
    [doc, view, field, user.name, user.color],
  );
  useEffect(() => {
    if (editor && editor.isEditable !== editable) editor.setEditable(editable);
    editor?.view.dom.setAttribute('aria-readonly', String(!editable));
  }, [editor, editable]);

  return (
    <section className="assessment-section" aria-labelledby={headingId}>
      <h2 id={headingId}>{section.title}</h2>
      <p id={guidanceId} className="muted section-guidance">
        {section.guidance}
      </p>
      {section.references.length > 0 && (
        <p className="muted section-references">{section.references.join(' · ')}</p>
      )}
      {register ? <RegisterView {...register} /> : null}
      <div className="section-tools">
        <EditorToolbar
          editor={editor}
          label={`Formatting: ${section.title}`}
          editable={editable}
          onComment={
            editable
              ? () => {
                  setPassage(selectedPassage(editor));
                  setCommenting(true);
                }
              : undefined
          }
        />
        <CommentsPanel
          host={host}
          subject={subject}
          title={section.title}
          actor={actor}
          canComment={editable}
          readOnlyReason="This assessment is read-only here: you can read its comments."
          open={commenting}
          onOpenChange={(open) => {
            setCommenting(open);
            if (!open) setPassage(undefined);
          }}
          passage={passage}
          onAccept={(thread) => applyProposal(editor, thread)}
          {...(now ? { now } : {})}
          trigger={<CommentsButton count={openThreads} />}
        />
      </div>
      <div className="section-editor" data-testid={`section-editor-${section.id}`}>
        <EditorContent editor={editor} />
      </div>
    </section>
  );
});
