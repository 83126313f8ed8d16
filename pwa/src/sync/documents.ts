import type * as Y from 'yjs';
import { readDiscoveries, type Discoveries } from '../../../shared/documents/discoveries/index.ts';
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

/** The discoveries, read without trust; empty while there is no document. */
export const useDiscoveries = (doc: Y.Doc | undefined) =>
  useDocument(doc, readDiscoveries, NO_DISCOVERIES);
export const usePolicy = (doc: Y.Doc | undefined) => useDocument(doc, readPolicy, NO_POLICY);
export const useRegistry = (doc: Y.Doc | undefined) => useDocument(doc, readRegistry, NO_REGISTRY);
