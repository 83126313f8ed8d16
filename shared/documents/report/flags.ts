import type * as Y from 'yjs';
import { isDataCategory, isHost, isId, isToolKey } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, checkTimestamp, childMap, setIfChanged, syncTrueSet } from '../schema/write.ts';
import {
  FLAGS,
  MAX_FLAGS,
  MAX_NAME,
  MAX_NOTE,
  MAX_PURPOSE,
  REPORT_SCHEMA,
  type ReportFlag,
} from './schema.ts';

function checkFlag(flag: ReportFlag): void {
  if (!isId(flag.id)) throw new RangeError('flag id must be 1–64 letters, digits, _ or -');
  if (!isToolKey(flag.toolKey)) throw new RangeError('flag toolKey is not a tool key');
  if (flag.host !== undefined && !isHost(flag.host))
    throw new RangeError('flag host is not a hostname');
  checkText('flag name', flag.name, { min: 1, max: MAX_NAME });
  checkText('flag purpose', flag.purpose, { max: MAX_PURPOSE });
  checkText('flag note', flag.note, { max: MAX_NOTE });
  if (!Array.isArray(flag.dataCategories) || !flag.dataCategories.every(isDataCategory)) {
    throw new RangeError('flag dataCategories must be known data categories');
  }
  checkTimestamp('flag createdAt', flag.createdAt);
}

/**
 * Adds the employee's flag (or updates the one with the same id, writing only what changed).
 * Empty purpose and note are not stored. Throws, changing nothing, on a malformed flag.
 */
export function addFlag(doc: Y.Doc, flag: ReportFlag): void {
  checkFlag(flag);
  doc.transact(() => {
    ensureWritable(doc, REPORT_SCHEMA);
    const flags = doc.getMap<unknown>(FLAGS);
    if (!flags.has(flag.id) && flags.size >= MAX_FLAGS) {
      throw new RangeError(`a report keeps at most ${MAX_FLAGS} flags`);
    }
    const entry = childMap(flags, flag.id);
    setIfChanged(entry, 'toolKey', flag.toolKey);
    setIfChanged(entry, 'host', flag.host);
    setIfChanged(entry, 'name', flag.name);
    setIfChanged(entry, 'purpose', flag.purpose === '' ? undefined : flag.purpose);
    syncTrueSet(entry, 'dataCategories', flag.dataCategories);
    setIfChanged(entry, 'note', flag.note === '' ? undefined : flag.note);
    setIfChanged(entry, 'createdAt', flag.createdAt);
  });
}

/** Withdraws a flag: the employee decides what they share. True when there was one. */
export function removeFlag(doc: Y.Doc, id: string): boolean {
  const flags = doc.getMap<unknown>(FLAGS);
  if (!flags.has(id)) return false;
  doc.transact(() => {
    ensureWritable(doc, REPORT_SCHEMA);
    flags.delete(id);
  });
  return true;
}
