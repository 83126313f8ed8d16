import { normaliseHost } from '../normalise-host.ts';

/**
 * The hostname in whatever a log gives (`chatgpt.com`, `CHATGPT.COM.`, `https://x.y/p?q`,
 * `api.openai.com:443`): the lower-case ASCII host, `null` for an IP address, `undefined` when it
 * is neither. This is the scan's hot path, so the common shapes are read and validated (the
 * rules of the catalog's HOSTNAME_PATTERN: labels of 1–63 letters, digits and inner hyphens, at
 * least two, 4–253 characters) in one pass over the characters, with no regex and at most one
 * new string; anything else (IDNs, IPv6, user info, odd characters) goes through normaliseHost
 * (tldts, punycode).
 */
export function hostOf(value: string): string | null | undefined {
  const end = value.length;
  let start = 0;
  const scheme = value.indexOf('://');
  if (scheme > 0 && scheme < 12) start = scheme + 3;
  let upper = false;
  let labelStart = start;
  let dots = 0;
  let i = start;
  for (; i < end; i++) {
    const c = value.charCodeAt(i);
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) continue;
    if (c === 45) {
      if (i === labelStart) return slowHost(value);
      continue;
    }
    if (c === 46) {
      // An empty label, one too long, or one ending in a hyphen: not for the fast path.
      const length = i - labelStart;
      if (length === 0 || length > 63 || value.charCodeAt(i - 1) === 45) return slowHost(value);
      dots++;
      labelStart = i + 1;
      continue;
    }
    if (c >= 65 && c <= 90) {
      upper = true;
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
  if (labelStart === hostEnd) {
    // A DNS name's trailing dot: the label before it was the last.
    if (hostEnd === start) return slowHost(value);
    hostEnd--;
    dots--;
  } else {
    const last = hostEnd - labelStart;
    if (last > 63 || value.charCodeAt(hostEnd - 1) === 45) return slowHost(value);
  }
  const length = hostEnd - start;
  if (dots < 1 || length < 4 || length > 253) return slowHost(value);
  // A last label starting with a digit is an IPv4 address (no top-level domain does).
  const tld = value.charCodeAt(value.lastIndexOf('.', hostEnd - 1) + 1);
  if (tld >= 48 && tld <= 57) return slowHost(value);
  const host = start === 0 && hostEnd === end ? value : value.slice(start, hostEnd);
  return upper ? host.toLowerCase() : host;
}

/** `/`, `?` or `#`: where a URL's authority ends. */
const endsAuthority = (c: number) => c === 47 || c === 63 || c === 35;

function slowHost(value: string): string | null | undefined {
  const normalised = normaliseHost(value);
  return normalised.kind === 'host' ? normalised.host : normalised.kind === 'ip' ? null : undefined;
}
