import type * as Y from 'yjs';
import {
  discoveriesReader,
  type Discoveries,
} from '../../../shared/documents/discoveries/index.ts';
import { readPolicy, type Policy } from '../../../shared/documents/policy/index.ts';
import { readRegistry, type Registry } from '../../../shared/documents/registry/index.ts';
import { useDocument } from './use-document.ts';

const NO_DISCOVERIES: Discoveries = { tools: [], problems: [] };
const NO_POLICY: Policy = {
  statuses: new Map(),
  tools: [],
  settings: { attributedReporting: false },
  problems: [],
};
const NO_REGISTRY: Registry = { records: new Map(), triage: new Map(), problems: [] };

/** One incremental reader per document: a change re-reads only the tools it touched. */
const discoveryReaders = new WeakMap<Y.Doc, ReturnType<typeof discoveriesReader>>();
function readDiscoveriesIncrementally(doc: Y.Doc): Discoveries {
  let reader = discoveryReaders.get(doc);
  if (!reader) {
    reader = discoveriesReader(doc);
    discoveryReaders.set(doc, reader);
  }
  return reader.read();
}

/** The discoveries, read without trust; empty while there is no document. */
export const useDiscoveries = (doc: Y.Doc | undefined) =>
  useDocument(doc, readDiscoveriesIncrementally, NO_DISCOVERIES);
export const usePolicy = (doc: Y.Doc | undefined) => useDocument(doc, readPolicy, NO_POLICY);
export const useRegistry = (doc: Y.Doc | undefined) => useDocument(doc, readRegistry, NO_REGISTRY);
