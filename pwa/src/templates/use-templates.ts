import type * as Y from 'yjs';
import {
  readWorkspaceTemplates,
  type WorkspaceTemplates,
} from '../../../shared/documents/registry/index.ts';
import { sharedReader, useDocument } from '../sync/use-document.ts';

const NONE: WorkspaceTemplates = { templates: new Map(), problems: [] };
const readShared = sharedReader((doc) => ({ read: () => readWorkspaceTemplates(doc) }));

/** The workspace's own assessment templates, read without trust. */
export const useWorkspaceTemplates = (doc: Y.Doc | undefined) => useDocument(doc, readShared, NONE);
