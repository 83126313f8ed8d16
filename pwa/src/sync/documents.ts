import type * as Y from 'yjs';
import {
  discoveriesReader,
  type Discoveries,
} from '../../../shared/documents/discoveries/index.ts';
import { readPolicy, type Policy } from '../../../shared/documents/policy/index.ts';
import { registryReader, type Registry } from '../../../shared/documents/registry/index.ts';
import { sharedReader, useDocument } from './use-document.ts';

const NO_DISCOVERIES: Discoveries = { tools: [], problems: [] };
const NO_POLICY: Policy = {
  statuses: new Map(),
  tools: [],
  settings: { attributedReporting: false },
  problems: [],
};
const NO_REGISTRY: Registry = { records: new Map(), triage: new Map(), problems: [] };

const readDiscoveriesShared = sharedReader(discoveriesReader);
const readRegistryShared = sharedReader(registryReader);
const readPolicyShared = sharedReader((doc) => ({ read: () => readPolicy(doc) }));

/** The discoveries, read without trust; empty while there is no document. */
export const useDiscoveries = (doc: Y.Doc | undefined) =>
  useDocument(doc, readDiscoveriesShared, NO_DISCOVERIES);
export const usePolicy = (doc: Y.Doc | undefined) => useDocument(doc, readPolicyShared, NO_POLICY);
export const useRegistry = (doc: Y.Doc | undefined) =>
  useDocument(doc, readRegistryShared, NO_REGISTRY);
