import type * as Y from 'yjs';
import { addProblem } from '../schema/problems.ts';
import { recordCache } from '../schema/record-cache.ts';
import { isId } from '../schema/values.ts';
import { storedVersions } from './field-register.ts';
import { RECORD_FIELDS, readField, readRegister } from './fields.ts';
import { DELETED, MERGED_INTO, readStamp } from './record-lifecycle.ts';
import { RECORDS, type RegistryRecord, type TriageEntry } from './schema.ts';
import { triageCache } from './triage.ts';

/** What a list names a record by, and the tools it covers: all the inbox's triage needs of it. */
export type RecordRef = Pick<RegistryRecord, 'id' | 'name' | 'toolKeys'>;

export interface RegistryIndex {
  /** The records still in the registry (not merged away, not deleted), by id. */
  records: Map<string, RecordRef>;
  triage: Map<string, TriageEntry>;
  problems: string[];
}

/**
 * A record's name and tools, read exactly as readRecord reads them (records.ts), and whether it
 * was merged away or deleted (splitRemoved's test). Reading only these keeps the inbox's first
 * paint from reading every field, classification and history entry of thousands of records.
 */
function readRef(map: Y.Map<unknown>, id: string, path: string, problems: string[]) {
  const stored = storedVersions(map).get('name') ?? [];
  const legacy = map.get('name');
  if (legacy !== undefined) stored.push(['name', legacy]);
  let name = readRegister(stored, 'name', RECORD_FIELDS.name, problems, path).value;
  if (name === undefined) {
    addProblem(problems, `${path}.name: missing or unreadable; showing the id`);
    name = id;
  }
  const toolKeys = readField(map, 'toolKeys', RECORD_FIELDS.toolKeys, problems, path);
  const mergedInto = map.get(MERGED_INTO);
  const removed =
    (typeof mergedInto === 'string' && isId(mergedInto)) ||
    readStamp(map, DELETED, problems, path) !== undefined;
  const ref = { id, name, toolKeys } as RecordRef;
  return { ref, removed };
}

/**
 * The registry's records by name and tools, and its triage, read again only where they changed
 * (like registryReader, read.ts): what a page that lists records without opening them needs.
 */
export function registryIndexReader(doc: Y.Doc): { read(): RegistryIndex; destroy(): void } {
  const records = recordCache(doc, RECORDS, isId, readRef);
  const triage = triageCache(doc);
  return {
    read() {
      const problems: string[] = [];
      const index: RegistryIndex = { records: new Map(), triage: new Map(), problems };
      for (const { ref, removed } of records.read(problems)) {
        if (!removed) index.records.set(ref.id, ref);
      }
      index.triage = new Map(triage.read(problems));
      return index;
    },
    destroy() {
      records.destroy();
      triage.destroy();
    },
  };
}
