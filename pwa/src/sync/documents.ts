import type * as Y from 'yjs';
import {
  discoveriesReader,
  type Discoveries,
} from '../../../shared/documents/discoveries/index.ts';
import { readPolicy, type Policy } from '../../../shared/documents/policy/index.ts';
import {
  registryIndexReader,
  registryReader,
  type Registry,
  type RegistryIndex,
} from '../../../shared/documents/registry/index.ts';
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
const NO_REGISTRY_INDEX: RegistryIndex = { records: new Map(), triage: new Map(), problems: [] };

const readRegistryShared = sharedReader(registryReader);
const readRegistryIndexShared = sharedReader(registryIndexReader);
const readPolicyShared = sharedReader((doc) => ({ read: () => readPolicy(doc) }));

/** The discoveries, read without trust; empty while there is no document. */
export const useDiscoveries = (doc: Y.Doc | undefined) =>
  useDocument(doc, readDiscoveriesShared, NO_DISCOVERIES);
export const usePolicy = (doc: Y.Doc | undefined) => useDocument(doc, readPolicyShared, NO_POLICY);
export const useRegistry = (doc: Y.Doc | undefined) =>
  useDocument(doc, readRegistryShared, NO_REGISTRY);
/**
 * The registry's records by name and tools, and its triage: for a page that lists records without
 * opening them (the inbox), which then does not read every field of every record (docs/pwa.md, "Speed").
 */
export const useRegistryIndex = (doc: Y.Doc | undefined) =>
  useDocument(doc, readRegistryIndexShared, NO_REGISTRY_INDEX);
