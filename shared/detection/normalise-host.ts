import punycode from 'punycode/punycode.js';
import { parse } from 'tldts';
import { HOSTNAME_PATTERN } from '../catalog/schema.ts';

export type NormalisedInput =
  { kind: 'host'; host: string } | { kind: 'ip'; ip: string } | { kind: 'invalid' };

const INVALID: NormalisedInput = { kind: 'invalid' };
const MAX_INPUT = 4096;
const PARSE_OPTIONS = {
  extractHostname: true,
  validateHostname: true,
  detectIp: true,
  mixedInputs: true,
} as const;

/**
 * Turns whatever a log or a browser gives us — a full URL, `host:port`, upper case, a trailing dot,
 * an IDN in Unicode, an IP address, blank lines or garbage — into a lower-case ASCII hostname, or
 * says why it cannot. Never throws.
 */
export function normaliseHost(input: unknown): NormalisedInput {
  if (typeof input !== 'string') return INVALID;
  const trimmed = input.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_INPUT) return INVALID;
  let parsed;
  try {
    parsed = parse(trimmed, PARSE_OPTIONS);
  } catch {
    return INVALID;
  }
  const hostname = parsed.hostname;
  if (!hostname) return INVALID;
  if (parsed.isIp) return { kind: 'ip', ip: hostname };
  let host = hostname.replace(/\.+$/, '');
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(host)) {
    try {
      host = punycode.toASCII(host);
    } catch {
      return INVALID;
    }
  }
  host = host.toLowerCase();
  return HOSTNAME_PATTERN.test(host) ? { kind: 'host', host } : INVALID;
}
