import { BlockList, isIP } from 'node:net';

/**
 * The proxies whose X-Forwarded-For the relay believes (`--trust-proxy`, docs/sync.md PROXY1).
 * Only a request whose direct peer is one of them has its client address taken from the header;
 * from anyone else the header is ignored, so a client cannot choose the address its rate limits,
 * enrolment limits and log lines are counted against.
 */
export class TrustedProxies {
  readonly #list = new BlockList();
  /** The CIDR list as given, for the start-up line. */
  readonly ranges: readonly string[];

  private constructor(ranges: string[]) {
    this.ranges = ranges;
    for (const range of ranges) {
      const [address, bits] = range.split('/') as [string, string | undefined];
      const family = isIP(address);
      const prefix = bits === undefined ? (family === 6 ? 128 : 32) : Number(bits);
      this.#list.addSubnet(address, prefix, family === 6 ? 'ipv6' : 'ipv4');
    }
  }

  /**
   * `10.0.0.0/8,192.168.1.7,fd00::/8`: addresses or CIDR ranges, IPv4 or IPv6, separated by
   * commas. Throws on anything else, naming the entry, so that a typo does not silently trust
   * nobody (or everybody).
   */
  static parse(list: string): TrustedProxies {
    const ranges = list
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '');
    if (ranges.length === 0) throw new Error('--trust-proxy needs at least one address or range');
    for (const range of ranges) {
      const [address = '', bits, extra] = range.split('/');
      const family = isIP(address);
      const max = family === 6 ? 128 : 32;
      const wellFormed =
        family !== 0 &&
        extra === undefined &&
        (bits === undefined || (/^\d{1,3}$/.test(bits) && Number(bits) <= max));
      if (!wellFormed)
        throw new Error(
          `--trust-proxy: "${range}" is not an IP address or CIDR range (e.g. 10.0.0.0/8)`,
        );
    }
    return new TrustedProxies(ranges);
  }

  trusts(address: string): boolean {
    const plain = unmapped(address);
    const family = isIP(plain);
    if (family === 0) return false;
    return this.#list.check(plain, family === 6 ? 'ipv6' : 'ipv4');
  }
}

/**
 * The address a request came from: the socket's peer, unless that peer is a trusted proxy, when
 * it is the rightmost hop of X-Forwarded-For that is not itself a trusted proxy (the one the
 * nearest untrusted party connected from: hops to its left are whatever the client wrote). When
 * every hop is trusted, the leftmost; when a trusted hop passed on something that is not an
 * address, that trusted hop.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | readonly string[] | null | undefined,
  trusted: TrustedProxies | undefined,
): string {
  const peer = socketAddress === undefined ? 'unknown' : unmapped(socketAddress);
  if (!trusted || !trusted.trusts(peer) || !forwardedFor) return peer;
  const hops = (typeof forwardedFor === 'string' ? [forwardedFor] : forwardedFor)
    .join(',')
    .split(',')
    .map((hop) => hop.trim())
    .filter((hop) => hop !== '');
  let nearest = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = unmapped(hops[i]!);
    if (isIP(hop) === 0) return nearest;
    if (!trusted.trusts(hop)) return hop;
    nearest = hop;
  }
  return nearest;
}

/** `::ffff:192.0.2.1` (an IPv4 peer on a dual-stack socket) is 192.0.2.1. */
function unmapped(address: string): string {
  const match = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return match ? match[1]! : address;
}
