import * as Y from 'yjs';
import { readString, readTimestamp, topMap } from '../schema/read.ts';
import { readRecords } from '../schema/read-lists.ts';
import { isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkAuthor, saveAuthoredEntry } from '../registry/authored.ts';
import { MAX_PERSON, REGISTRY_SCHEMA } from '../registry/schema.ts';
import { checkValues, readValues, writeValues, type EntryValues } from './fields.ts';
import type { RegisterSpec } from './registers.ts';
import { checkRules } from './rules.ts';
import { checkAuditRules, type RuleContext } from './audit-rules.ts';
import { raisedNonconformity } from './raise-nonconformity.ts';
import { readRegistry } from '../registry/read.ts';
import { personKey, readPeople } from '../registry/people.ts';
import { checkTrainingRules } from './competence.ts';
import { checkDocumentRules } from './document-list.ts';
import { checkGapRules } from './gap-analysis.ts';
import { checkSupplierRules } from './suppliers.ts';

/** One entry of an AIMS register, as read. */
export interface AimsEntry {
  id: string;
  values: EntryValues;
  updatedBy: string;
  updatedAt: number;
}

export interface AimsRegisterContent {
  /** In id order, the same on every replica. */
  entries: AimsEntry[];
  /** What was unreadable, skipped and described. */
  problems: string[];
}

/**
 * Creates or updates one entry of a register with a caller-chosen id, writing only the fields
 * whose value changes (an optional field left out is cleared) and stamping who and when. Throws,
 * changing nothing, on bad input, a register rule broken (rules.ts), or a full register. Returns
 * whether anything changed.
 */
export function saveAimsEntry(
  doc: Y.Doc,
  register: RegisterSpec,
  id: string,
  values: EntryValues,
  by: string,
  at: number,
): boolean {
  if (!isId(id)) throw new RangeError('an entry id must be 1–64 letters, digits, _ or -');
  if (register.singleEntry !== undefined && id !== register.singleEntry) {
    throw new RangeError(`${register.title} has one entry, ${register.singleEntry}`);
  }
  checkValues(register.fields, values);
  checkRules(register, values);
  checkNotFrozen(doc, register, id);
  const context = ruleContext(doc);
  checkAuditRules(register, values, context);
  checkTrainingRules(register, values, context.inDirectory);
  checkDocumentRules(register, values);
  checkGapRules(register, values);
  checkSupplierRules(register, values, context.entries);
  checkRoom(doc, register, id);
  // AUD4: a nonconformity finding without its 10.2 entry raises one, in the same transaction.
  const raised = raisedNonconformity(doc, register, id, values);
  if (raised !== undefined) {
    checkRoom(doc, raised.register, raised.id);
    checkAuthor(by, at);
  }
  let changed = false;
  doc.transact(() => {
    const fresh = raised?.values;
    if (raised !== undefined && fresh !== undefined) {
      saveAuthoredEntry(doc, raised.register.id, raised.id, by, at, (entry) =>
        writeValues(entry, raised.register.fields, fresh),
      );
    }
    const saved = raised === undefined ? values : { ...values, nonconformityIds: [raised.id] };
    changed = saveAuthoredEntry(doc, register.id, id, by, at, (entry) =>
      writeValues(entry, register.fields, saved),
    );
  });
  return changed;
}

/** MR1: an approved entry of a register frozen on approval (management reviews) never changes. */
function checkNotFrozen(doc: Y.Doc, register: RegisterSpec, id: string): void {
  if (register.frozenOnApproval !== true) return;
  const entry = topMap(doc, register.id, [])?.get(id);
  if (entry instanceof Y.Map && entry.has('approvedAt')) {
    throw new Error(`an approved ${register.noun} cannot be changed or removed`);
  }
}

/** Throws, changing nothing, when the register is not a map or a new entry would overfill it. */
function checkRoom(doc: Y.Doc, register: RegisterSpec, id: string): void {
  const problems: string[] = [];
  const map = topMap(doc, register.id, problems);
  if (problems.length > 0)
    throw new Error(`${register.id} holds another type: it cannot be edited`);
  if (map !== undefined && !map.has(id) && map.size >= register.maxEntries) {
    throw new RangeError(`${register.title} holds at most ${register.maxEntries} entries`);
  }
}

/** What the rules of one register read of the others (audit-rules.ts), read when asked. */
function ruleContext(doc: Y.Doc): RuleContext & { inDirectory(name: string): boolean } {
  let owners: Map<string, string | undefined> | undefined;
  return {
    inDirectory: (name) => readPeople(doc).people.some((p) => p.key === personKey(name)),
    entries: (register) => readAimsRegister(doc, register).entries,
    recordOwner(recordId) {
      owners ??= new Map(
        [...readRegistry(doc).records.values()].map((record) => [record.id, record.owner]),
      );
      return owners.get(recordId);
    },
  };
}

/** Removes an entry; false when there was none. */
export function deleteAimsEntry(doc: Y.Doc, register: RegisterSpec, id: string): boolean {
  const map = doc.getMap<unknown>(register.id);
  if (!isId(id) || !map.has(id)) return false;
  checkNotFrozen(doc, register, id);
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    map.delete(id);
  });
  return true;
}

/** A register read without trust: entries of the wrong shape are skipped and listed. */
export function readAimsRegister(doc: Y.Doc, register: RegisterSpec): AimsRegisterContent {
  const problems: string[] = [];
  const map = topMap(doc, register.id, problems);
  if (map === undefined) return { entries: [], problems };
  const entries = readRecords(map, register.id, problems, isId, (entry, id, path) => {
    const values = readValues(entry, register.fields, path, problems);
    if (values === undefined) return undefined;
    return {
      id,
      values,
      updatedBy: readString(entry, 'updatedBy', problems, { path, max: MAX_PERSON }) ?? '',
      updatedAt: readTimestamp(entry, 'updatedAt', problems, { path }) ?? 0,
    };
  });
  return { entries, problems };
}
