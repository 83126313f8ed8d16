import { CATEGORIES, HOSTNAME_PATTERN, type Category } from '../../catalog/schema.ts';

/** Kinds of data an employee may say they shared, or a lead records for a system. */
export const DATA_CATEGORIES = [
  'personal',
  'customer',
  'source-code',
  'financial',
  'health',
  'confidential',
  'none',
] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

export function isDataCategory(value: unknown): value is DataCategory {
  return (DATA_CATEGORIES as readonly unknown[]).includes(value);
}

export function isCategory(value: unknown): value is Category {
  return (CATEGORIES as readonly unknown[]).includes(value);
}

/** A catalog tool id, as the catalog schema defines it. */
const CATALOG_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Prefix of tool keys for hosts the catalog does not know (an employee's flag). */
export const HOST_TOOL_KEY_PREFIX = 'host:';
const IPV4 = /^(?:\d{1,3}\.){3}\d{1,3}$/;
const SINGLE_LABEL = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
const IPV6 = /^\[[0-9a-f:.]{2,45}\]$/;

/**
 * A hostname as the extension records it: a lower-case ASCII name, an IPv4 or bracketed IPv6
 * address, or a single label such as `localhost` (intranet sites embed AI APIs too).
 */
export function isHost(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= 253 &&
    (HOSTNAME_PATTERN.test(value) ||
      IPV4.test(value) ||
      SINGLE_LABEL.test(value) ||
      IPV6.test(value))
  );
}

/** A tool key: a catalog tool id, or `host:<hostname>` for a host the catalog does not know. */
export function isToolKey(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  if (value.startsWith(HOST_TOOL_KEY_PREFIX)) {
    return isHost(value.slice(HOST_TOOL_KEY_PREFIX.length));
  }
  if (value.startsWith(EXTENSION_TOOL_KEY_PREFIX)) {
    return /^[a-p]{32}$/.test(value.slice(EXTENSION_TOOL_KEY_PREFIX.length));
  }
  return value.length <= 80 && CATALOG_ID.test(value);
}

export function hostToolKey(host: string): string {
  return `${HOST_TOOL_KEY_PREFIX}${host}`;
}

/**
 * The tool key of an installed browser extension that looks like AI but is not in the catalog:
 * `extension:<Chrome extension id>`.
 */
export const EXTENSION_TOOL_KEY_PREFIX = 'extension:';

export function extensionToolKey(extensionId: string): string {
  return `${EXTENSION_TOOL_KEY_PREFIX}${extensionId}`;
}

/** Record, flag and person ids chosen by clients: short, URL-safe (a UUID or nanoid fits). */
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export function isId(value: unknown): value is string {
  return typeof value === 'string' && ID.test(value);
}

/** Sorts strings by code unit, the same on every machine (no locale). */
export function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The last millisecond of year 9999: later times have no 'YYYY-MM-DD' day and are refused. */
export const MAX_TIMESTAMP = 253_402_300_799_999;
