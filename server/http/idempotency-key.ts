import type { IncomingMessage } from 'node:http';
import { HttpError } from './json.ts';

/** At most this long, as the IETF draft's examples (a UUID is 36) and Stripe's 255. */
export const MAX_IDEMPOTENCY_KEY = 255;
const PRINTABLE_ASCII = /^[\x20-\x7e]+$/;

/**
 * The `Idempotency-Key` request header (MON7): a Structured Field string as the IETF httpapi draft
 * "The Idempotency-Key HTTP Header Field" writes it (`"8e03978e-…"`), or the bare value most
 * clients send. Undefined without one; 400 for an empty, over-long or unprintable key, or several.
 */
export function idempotencyKey(req: IncomingMessage): string | undefined {
  const raw = req.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  // Node joins repeated headers with ", "; a key of its own may contain neither a comma nor quotes
  // once unquoted, so several keys are refused rather than guessed at.
  const value = (Array.isArray(raw) ? raw.join(', ') : raw).trim();
  const key = value.startsWith('"') ? unquote(value) : value;
  if (key === undefined || key.length === 0 || (!value.startsWith('"') && key.includes(',')))
    throw new HttpError(
      400,
      'Idempotency-Key must be one key, e.g. "8e03978e-40d5-43e8-bc93-6894a57f9324"',
    );
  if (key.length > MAX_IDEMPOTENCY_KEY || !PRINTABLE_ASCII.test(key))
    throw new HttpError(
      400,
      `Idempotency-Key must be 1–${MAX_IDEMPOTENCY_KEY} printable ASCII characters`,
    );
  return key;
}

/** An sf-string (RFC 9651 §3.3.3): quoted, with \" and \\ escapes; undefined if malformed. */
function unquote(value: string): string | undefined {
  let out = '';
  for (let i = 1; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\') {
      const next = value[++i];
      if (next !== '"' && next !== '\\') return undefined;
      out += next;
    } else if (c === '"') {
      return i === value.length - 1 ? out : undefined;
    } else out += c;
  }
  return undefined;
}
