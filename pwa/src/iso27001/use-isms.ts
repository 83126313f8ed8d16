import type * as Y from 'yjs';
import { readIsmsSoa, type IsmsState } from '../../../shared/documents/registry/index.ts';
import { sharedReader, useDocument } from '../sync/use-document.ts';

const NONE: IsmsState = { problems: [] };
const readShared = sharedReader((doc) => ({ read: () => readIsmsSoa(doc) }));

/** The imported ISO/IEC 27001 SoA and the clauses answer (isms-soa.ts), read without trust. */
export const useIsms = (registry: Y.Doc | undefined) => useDocument(registry, readShared, NONE);
