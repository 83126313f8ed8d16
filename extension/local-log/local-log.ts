import type { Category } from '../../shared/catalog/schema.ts';
import {
  MAX_NAME,
  SIGNALS,
  type Signal,
  type Sighting,
} from '../../shared/documents/report/schema.ts';
import {
  isCategory,
  isHost,
  isToolKey,
  MAX_TIMESTAMP,
} from '../../shared/documents/schema/values.ts';

/** A sighting as the device keeps it: the Sighting's fields and whether it reached the relay. */
export interface StoredSighting {
  id: number;
  toolKey: string;
  name: string;
  category: Category;
  host?: string;
  signal: Signal;
  embeddedIn?: string;
  at: number;
  synced: boolean;
  /** When it was first folded into the report (epoch ms); absent until then. */
  syncedAt?: number;
}

/** The sighting itself, without the log's bookkeeping (id, synced, syncedAt). */
export function withoutBookkeeping({
  toolKey,
  name,
  category,
  host,
  signal,
  embeddedIn,
  at,
}: StoredSighting): Sighting {
  return {
    toolKey,
    name,
    category,
    signal,
    at,
    ...(host ? { host } : {}),
    ...(embeddedIn ? { embeddedIn } : {}),
  };
}

/**
 * The extension's device-only event log, which is also the employee's ledger: every sighting as it
 * happened, until it is folded into the report (`pending` → `markSynced`) and after, until pruned.
 */
export interface LocalLog {
  /** Stores every sighting (unsynced, with a fresh id), or none: one invalid sighting throws. */
  add(sightings: readonly Sighting[]): Promise<void>;
  /** Unsynced sightings, oldest first (by time, then id). */
  pending(limit: number): Promise<StoredSighting[]>;
  /** Marks these as synced at `at`; unknown ids are ignored, a synced one keeps its first time. */
  markSynced(ids: readonly number[], at: number): Promise<number>;
  /** The ledger: newest first (by time, then id); every entry without a limit. */
  entries(options?: { limit?: number }): Promise<StoredSighting[]>;
  countPending(): Promise<number>;
  /**
   * Drops entries older than the retention, then the oldest beyond the size cap — synced ones
   * before unsynced ones. Returns how many were dropped.
   */
  prune(now: number): Promise<number>;
  /** The employee's "delete local data". Ids are never reused afterwards. */
  clear(): Promise<void>;
  /** Every entry, in the order they were added: the employee's "export my data". */
  exportAll(): Promise<StoredSighting[]>;
}

export interface RetentionOptions {
  /** Entries older than this many days are dropped by `prune` (default 30). */
  retentionDays?: number;
  /** At most this many entries are kept by `prune` (default 20,000). */
  maxEntries?: number;
}

export const DEFAULT_RETENTION_DAYS = 30;
export const DEFAULT_MAX_ENTRIES = 20_000;
const DAY_MS = 86_400_000;

export interface Retention {
  retentionMs: number;
  maxEntries: number;
}

export function retention(options: RetentionOptions = {}): Retention {
  const days = options.retentionDays ?? DEFAULT_RETENTION_DAYS;
  const maxEntries = options.maxEntries ?? DEFAULT_MAX_ENTRIES;
  if (!(Number.isFinite(days) && days > 0)) throw new RangeError('retentionDays must be above 0');
  if (!(Number.isSafeInteger(maxEntries) && maxEntries > 0)) {
    throw new RangeError('maxEntries must be a whole number above 0');
  }
  return { retentionMs: days * DAY_MS, maxEntries };
}

const FIELDS = new Set(['toolKey', 'name', 'category', 'host', 'signal', 'embeddedIn', 'at']);

export function checkTime(what: string, value: unknown): asserts value is number {
  if (
    typeof value !== 'number' ||
    !Number.isSafeInteger(value) ||
    value < 0 ||
    value > MAX_TIMESTAMP
  ) {
    throw new RangeError(`${what} must be whole epoch milliseconds`);
  }
}

export function checkLimit(limit: unknown): asserts limit is number {
  if (typeof limit !== 'number' || !Number.isSafeInteger(limit) || limit < 0) {
    throw new RangeError('limit must be a whole number of 0 or more');
  }
}

/**
 * The row to store for one sighting: its own fields only, checked. Anything more — a URL, a title,
 * a field this code does not know — is refused rather than dropped, so a caller's mistake is loud.
 */
function checkedSighting(input: unknown, index: number): Omit<StoredSighting, 'id' | 'synced'> {
  const what = `sighting ${index}`;
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    throw new TypeError(`${what} is not a sighting`);
  }
  const s = input as Record<string, unknown>;
  for (const key of Object.keys(s)) {
    if (!FIELDS.has(key)) throw new RangeError(`${what}: unexpected field "${key}"`);
  }
  if (!isToolKey(s.toolKey)) throw new RangeError(`${what}: toolKey is not a tool key`);
  if (typeof s.name !== 'string' || s.name.trim() === '' || s.name.length > MAX_NAME) {
    throw new RangeError(`${what}: name must be 1–${MAX_NAME} characters`);
  }
  if (!isCategory(s.category)) throw new RangeError(`${what}: unknown category`);
  if (!(SIGNALS as readonly unknown[]).includes(s.signal)) {
    throw new RangeError(`${what}: unknown signal`);
  }
  if (s.host !== undefined && !isHost(s.host)) {
    throw new RangeError(`${what}: host is not a hostname`);
  }
  if (s.embeddedIn !== undefined && !isHost(s.embeddedIn)) {
    throw new RangeError(`${what}: embeddedIn is not a hostname`);
  }
  checkTime(`${what}: at`, s.at);
  // Built field by field, so that an absent host is absent, not `undefined`, in both stores.
  const row: Omit<StoredSighting, 'id' | 'synced'> = {
    toolKey: s.toolKey,
    name: s.name,
    category: s.category,
    signal: s.signal as Signal,
    at: s.at,
  };
  if (s.host !== undefined) row.host = s.host;
  if (s.embeddedIn !== undefined) row.embeddedIn = s.embeddedIn;
  return row;
}

/** Checks a whole batch before anything is stored. */
export function checkedSightings(input: unknown): Omit<StoredSighting, 'id' | 'synced'>[] {
  if (!Array.isArray(input)) throw new TypeError('sightings must be an array');
  return input.map((item, index) => checkedSighting(item, index));
}

export function checkIds(ids: unknown): asserts ids is readonly number[] {
  if (!Array.isArray(ids) || !ids.every((id) => Number.isSafeInteger(id))) {
    throw new TypeError('ids must be an array of whole numbers');
  }
}
