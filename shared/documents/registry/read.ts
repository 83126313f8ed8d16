import type * as Y from 'yjs';
import { topMap } from '../schema/read.ts';
import { readMeta } from '../schema/version.ts';
import { readRegistryRecords } from './records.ts';
import { RECORDS, TRIAGE, type Registry } from './schema.ts';
import { readTriage } from './triage.ts';

/** Reads the registry without trusting it: what has the wrong shape is skipped and listed. */
export function readRegistry(doc: Y.Doc): Registry {
  const problems: string[] = [];
  const registry: Registry = { records: new Map(), triage: new Map(), problems };
  const schemaVersion = readMeta(doc, problems)?.schemaVersion;
  if (schemaVersion !== undefined) registry.schemaVersion = schemaVersion;
  const records = topMap(doc, RECORDS, problems);
  if (records !== undefined) registry.records = readRegistryRecords(records, problems);
  const triage = topMap(doc, TRIAGE, problems);
  if (triage !== undefined) registry.triage = readTriage(triage, problems);
  return registry;
}
