import type * as Y from 'yjs';
import { readNetworkLog, type NetworkLog } from '../../../shared/documents/registry/network-log.ts';
import { useDocument } from '../sync/use-document.ts';

const NO_NETWORK_LOG: NetworkLog = { tools: new Map(), problems: [] };

/** The registry's imported network-log discoveries, read without trust; empty without a registry. */
export const useNetworkLog = (registry: Y.Doc | undefined) =>
  useDocument(registry, readNetworkLog, NO_NETWORK_LOG);
