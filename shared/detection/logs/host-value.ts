import { normaliseHost } from '../normalise-host.ts';
import { HOSTNAME_PATTERN } from '../../catalog/schema.ts';

/**
 * The hostname in whatever a log gives (`chatgpt.com`, `CHATGPT.COM.`, `https://x.y/p?q`,
 * `api.openai.com:443`): the lower-case ASCII host, `null` for an IP address, `undefined` when it
 * is neither. The common shapes are read with a character loop and one regex test; anything
 * else (IDNs, IPv6, user info, odd characters) goes through normaliseHost (tldts, punycode).
 */
export function hostOf(value: string): string | null | undefined {
  const end = value.length;
  let start = 0;
  const scheme = value.indexOf('://');
  if (scheme > 0 && scheme < 12) start = scheme + 3;
  let lower = true;
  let i = start;
  for (; i < end; i++) {
    const c = value.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 45 || c === 46) continue;
    if (c >= 65 && c <= 90) {
      lower = false;
      continue;
    }
    break;
  }
  let hostEnd = i;
  if (i < end) {
    const c = value.charCodeAt(i);
    if (c === 58) {
      // A port: digits, then the end or a path.
      let j = i + 1;
      while (j < end && value.charCodeAt(j) >= 48 && value.charCodeAt(j) <= 57) j++;
      if (j === i + 1 || (j < end && !endsAuthority(value.charCodeAt(j)))) return slowHost(value);
    } else if (!endsAuthority(c)) return slowHost(value);
  }
  while (hostEnd > start && value.charCodeAt(hostEnd - 1) === 46) hostEnd--;
  // A last label starting with a digit is an IPv4 address (no top-level domain does).
  const lastDot = value.lastIndexOf('.', hostEnd - 1);
  if (lastDot < start) return slowHost(value);
  const tld = value.charCodeAt(lastDot + 1);
  if (tld >= 48 && tld <= 57) return slowHost(value);
  let host = value.slice(start, hostEnd);
  if (!lower) host = host.toLowerCase();
  return HOSTNAME_PATTERN.test(host) ? host : slowHost(value);
}

/** `/`, `?` or `#`: where a URL's authority ends. */
const endsAuthority = (c: number) => c === 47 || c === 63 || c === 35;

function slowHost(value: string): string | null | undefined {
  const normalised = normaliseHost(value);
  return normalised.kind === 'host' ? normalised.host : normalised.kind === 'ip' ? null : undefined;
}
