import type { Editor } from '@tiptap/core';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import { MAX_QUOTE, type Thread } from '../../../shared/comments/index.ts';
import type { Passage } from './CommentsPanel.tsx';

interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Parameters<typeof absolutePositionToRelativePosition>[2] };
}
const syncState = (editor: Editor) =>
  ySyncPluginKey.getState(editor.state) as SyncState | undefined;

/**
 * The editor's selection as a passage to comment on (CMT3): its text, and Yjs relative positions
 * that follow it through others' edits. Undefined for an empty or too long selection.
 */
export function selectedPassage(editor: Editor): Passage | undefined {
  const { from, to, empty } = editor.state.selection;
  const sync = syncState(editor);
  const quote = editor.state.doc.textBetween(from, to, ' ').trim();
  if (empty || !sync || quote === '' || quote.length > MAX_QUOTE) return undefined;
  const relative = (position: number) =>
    Y.relativePositionToJSON(
      absolutePositionToRelativePosition(position, sync.type, sync.binding.mapping),
    ) as Record<string, unknown>;
  return { quote, anchor: { from: relative(from), to: relative(to) } };
}

/**
 * Replaces a suggestion's passage with its proposal (CMT6), as an ordinary edit through the
 * editor, only if the anchored passage still reads as quoted. Returns why not, or undefined.
 */
export function applyProposal(editor: Editor, thread: Thread): string | undefined {
  const root = thread.comments[0]!;
  const sync = syncState(editor);
  if (!root.anchor || root.quote === undefined || root.proposal === undefined || !sync)
    return 'This suggestion has no passage to replace.';
  let from: number | null;
  let to: number | null;
  try {
    const absolute = (json: Record<string, unknown>) =>
      relativePositionToAbsolutePosition(
        sync.doc,
        sync.type,
        Y.createRelativePositionFromJSON(json),
        sync.binding.mapping,
      );
    from = absolute(root.anchor.from);
    to = absolute(root.anchor.to);
  } catch {
    return 'The suggested passage cannot be found in the text.';
  }
  if (from === null || to === null || to < from)
    return 'The suggested passage is no longer in the text.';
  if (editor.state.doc.textBetween(from, to, ' ').trim() !== root.quote)
    return 'The passage has changed since the suggestion: it was not applied.';
  const transaction = editor.state.tr;
  if (root.proposal === '') transaction.delete(from, to);
  else transaction.insertText(root.proposal, from, to);
  editor.view.dispatch(transaction);
  return undefined;
}
