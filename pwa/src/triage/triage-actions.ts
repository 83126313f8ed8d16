import type * as Y from 'yjs';
import type { Category } from '../../../shared/catalog/schema.ts';
import {
  MAX_REASON,
  RECORD_FIELDS,
  createRecord,
  readRegistry,
  setTriage,
  updateRecord,
  type TriageEntry,
} from '../../../shared/documents/registry/index.ts';
import { isDataCategory, isToolKey } from '../../../shared/documents/schema/values.ts';

const DAY = 86_400_000;

/** What a triage action needs to know about the discovery it acts on. */
export interface TriageSubject {
  toolKey: string;
  name: string;
  category: Category;
  /** The data kinds the flags named (discovery.dataCategories); unknown ones are left out. */
  dataCategories: readonly string[];
}

/** Who acts and when. */
export interface Actor {
  by: string;
  at: number;
}

/**
 * A fresh record id. crypto.randomUUID exists only in secure contexts, and the relay may be
 * served over plain http on a LAN (`--host 0.0.0.0`), so fall back to getRandomValues.
 */
export function newRecordId(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function checkToolKey(toolKey: string): void {
  if (!isToolKey(toolKey)) throw new RangeError('not a tool key');
}

/**
 * Opens a record in the registry from a discovery (its name, category, tool key and the data
 * kinds its flags named) and marks the discovery 'open' with that record, in one transaction.
 * Returns the record id. Throws, changing nothing, on bad input.
 */
export function openRecord(
  doc: Y.Doc,
  subject: TriageSubject,
  name: string,
  actor: Actor,
  id: string = newRecordId(),
): string {
  checkToolKey(subject.toolKey);
  const trimmed = name.trim();
  if (trimmed === '') throw new RangeError('a record needs a name');
  const spec = RECORD_FIELDS.name;
  const max = spec.kind === 'text' ? spec.max : trimmed.length;
  doc.transact(() => {
    createRecord(
      doc,
      id,
      {
        name: trimmed.slice(0, max),
        category: subject.category,
        toolKeys: [subject.toolKey],
        dataCategories: [...new Set(subject.dataCategories)].filter(isDataCategory),
      },
      actor.by,
      actor.at,
    );
    setTriage(doc, subject.toolKey, { state: 'open', recordId: id, ...actor });
  });
  return id;
}

/**
 * Merges a discovery into an existing record: adds its tool key to the record's toolKeys and marks
 * the discovery 'merged' into it, in one transaction. Throws, changing nothing, on an unknown record.
 */
export function mergeInto(doc: Y.Doc, toolKey: string, recordId: string, actor: Actor): void {
  checkToolKey(toolKey);
  const record = readRegistry(doc).records.get(recordId);
  if (!record) throw new Error('that record no longer exists');
  doc.transact(() => {
    if (!record.toolKeys.includes(toolKey)) {
      updateRecord(doc, recordId, { toolKeys: [...record.toolKeys, toolKey] }, actor.by, actor.at);
    }
    setTriage(doc, toolKey, { state: 'merged', recordId, ...actor });
  });
}

/** Dismisses a discovery as noise; the reason is required. */
export function dismiss(doc: Y.Doc, toolKey: string, reason: string, actor: Actor): void {
  const trimmed = reason.trim();
  if (trimmed === '') throw new RangeError('say why it is noise');
  if (trimmed.length > MAX_REASON) throw new RangeError(`at most ${MAX_REASON} characters`);
  setTriage(doc, toolKey, { state: 'dismissed', reason: trimmed, ...actor });
}

/** Snoozes a discovery until a time in the future. */
export function snooze(doc: Y.Doc, toolKey: string, until: number, actor: Actor): void {
  if (!Number.isFinite(until) || until <= actor.at) {
    throw new RangeError('snooze until a day in the future');
  }
  setTriage(doc, toolKey, { state: 'snoozed', snoozedUntil: until, ...actor });
}

/** A 'YYYY-MM-DD' day (as an <input type="date"> gives it) as the start of that day, UTC. */
export function parseDay(value: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(ms).toISOString().startsWith(value) ? ms : undefined;
}

/** The day `days` after `now`, as 'YYYY-MM-DD' (UTC, like every day the app shows). */
export function dayAfter(now: number, days: number): string {
  return new Date(now + days * DAY).toISOString().slice(0, 10);
}

/** True for what the inbox hides by default: dismissed, or snoozed until a later time. */
export function isSetAside(entry: TriageEntry | undefined, now: number): boolean {
  if (!entry) return false;
  if (entry.state === 'dismissed') return true;
  return entry.state === 'snoozed' && (entry.snoozedUntil ?? 0) > now;
}

/** The triage state in words, for the inbox row. */
export function triageLabel(
  entry: TriageEntry | undefined,
  now: number,
  recordName?: (id: string) => string | undefined,
): string {
  if (!entry || entry.state === 'new') return 'New';
  const record = entry.recordId ? recordName?.(entry.recordId) : undefined;
  switch (entry.state) {
    case 'open':
      return record ? `Opened as ${record}` : 'Opened';
    case 'merged':
      return record ? `Merged into ${record}` : 'Merged';
    case 'dismissed':
      return 'Dismissed';
    case 'snoozed': {
      const until = entry.snoozedUntil ?? 0;
      return until > now
        ? `Snoozed until ${new Date(until).toISOString().slice(0, 10)}`
        : 'Snooze over';
    }
  }
}
