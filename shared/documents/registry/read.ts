import type * as Y from 'yjs';
import { topMap } from '../schema/read.ts';
import { recordCache } from '../schema/record-cache.ts';
import { readMeta } from '../schema/version.ts';
import { readRecord, readRegistryRecords, splitRemoved } from './records.ts';
import { RECORDS, TRIAGE, type Registry } from './schema.ts';
import { readTriage, triageCache } from './triage.ts';
import { isId } from '../schema/values.ts';

function withMeta(doc: Y.Doc, problems: string[]): Registry {
  const registry: Registry = { records: new Map(), triage: new Map(), problems };
  const schemaVersion = readMeta(doc, problems)?.schemaVersion;
  if (schemaVersion !== undefined) registry.schemaVersion = schemaVersion;
  return registry;
}

/** Reads the registry without trusting it: what has the wrong shape is skipped and listed. */
export function readRegistry(doc: Y.Doc): Registry {
  const problems: string[] = [];
  const registry = withMeta(doc, problems);
  const records = topMap(doc, RECORDS, problems);
  if (records !== undefined) {
    const split = splitRemoved(readRegistryRecords(records, problems));
    registry.records = split.records;
    if (split.removed.size > 0) registry.removed = split.removed;
  }
  const triage = topMap(doc, TRIAGE, problems);
  if (triage !== undefined) registry.triage = readTriage(triage, problems);
  return registry;
}

/**
 * The same reading for a document that is read again after every change (a page that shows it):
 * only the records and triage entries that changed since the last read are read again.
 */
export function registryReader(doc: Y.Doc): { read(): Registry; destroy(): void } {
  const records = recordCache(doc, RECORDS, isId, readRecord);
  const triage = triageCache(doc);
  return {
    read() {
      const problems: string[] = [];
      const registry = withMeta(doc, problems);
      const split = splitRemoved(records.read(problems));
      registry.records = split.records;
      if (split.removed.size > 0) registry.removed = split.removed;
      registry.triage = new Map(triage.read(problems));
      return registry;
    },
    destroy() {
      records.destroy();
      triage.destroy();
    },
  };
}
