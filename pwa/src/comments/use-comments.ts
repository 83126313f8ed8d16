import type * as Y from 'yjs';
import { readComments, type CommentsRead } from '../../../shared/comments/index.ts';
import { sharedReader, useDocument } from '../sync/use-document.ts';

const EMPTY: CommentsRead = { threads: [], problems: [] };
const readShared = sharedReader((doc) => ({ read: () => readComments(doc) }));

/** The document's comment threads, read once per change however many panels show them (CMT1). */
export function useComments(doc: Y.Doc | undefined): CommentsRead {
  return useDocument(doc, readShared, EMPTY);
}

/** Runs a writer; returns its error's message (nothing was written), or undefined. */
export function attempt(write: () => unknown): string | undefined {
  try {
    write();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
