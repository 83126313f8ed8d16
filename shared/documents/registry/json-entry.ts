import { MAX_PERSON } from './schema.ts';

/**
 * Entries the registry keeps as one JSON string each (significant-change marks, the imported
 * ISMS SoA): parsed without trust, a plain object or nothing.
 */
export function parseJsonObject(value: unknown, max: number): Record<string, unknown> | undefined {
  if (typeof value !== 'string' || value.length > max) return undefined;
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A time in ms since the epoch, as writers store it. */
export const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Who did something: 1–MAX_PERSON characters. */
export const isPerson = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= MAX_PERSON;
