import * as Y from 'yjs';
import { ensureWritable } from '../schema/version.ts';
import { checkText, checkTimestamp, childMap, setIfChanged } from '../schema/write.ts';
import { MAX_PERSON, REGISTRY_SCHEMA } from './schema.ts';

/** Who made a change and when: a person (1–200 characters) and a time. Throws a clear error. */
export function checkAuthor(by: unknown, at: unknown): void {
  checkText('by', by, { min: 1, max: MAX_PERSON });
  checkTimestamp('at', at);
}

/**
 * Creates or updates the entry `key` of the top-level map `top`: `write` writes its fields and
 * says, per field, whether it changed; `updatedBy`/`updatedAt` are stamped only when something
 * did (a new entry always counts). The caller has checked every input. Returns whether anything
 * changed.
 */
export function saveAuthoredEntry(
  doc: Y.Doc,
  top: string,
  key: string,
  by: string,
  at: number,
  write: (map: Y.Map<unknown>) => boolean[],
): boolean {
  checkAuthor(by, at);
  let changed = false;
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    const entries = doc.getMap<unknown>(top);
    const isNew = !(entries.get(key) instanceof Y.Map);
    const map = childMap(entries, key);
    changed = write(map).some(Boolean) || isNew;
    if (changed) {
      setIfChanged(map, 'updatedBy', by);
      setIfChanged(map, 'updatedAt', at);
    }
  });
  return changed;
}
