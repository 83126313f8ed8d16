import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

/**
 * Where the relay may send a webhook (docs/sync.md HOOK7). Unless the operator opts in
 * (`serve --webhook-allow-private`), every address a host resolves to must be public: no loopback,
 * private, link-local (cloud metadata at 169.254.169.254), shared, multicast or reserved range, so
 * an admin's URL cannot make the relay reach into its own network (SSRF).
 */
export interface WebhookNetwork {
  /** Allow private, loopback and link-local addresses. */
  allowPrivate: boolean;
  /** Allow http:// (tests against a local receiver); https:// otherwise. */
  allowHttp: boolean;
}

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
  ['64:ff9b::', 96],
] as const)
  blocked.addSubnet(network, prefix, 'ipv6');

/** Whether an IP address is in a range a webhook may not reach by default. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true;
  // An IPv4-mapped address (::ffff:10.0.0.1) is judged as the IPv4 address it maps.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1]!, 'ipv4');
  return blocked.check(address, 'ipv6');
}

export class RefusedAddressError extends Error {
  override name = 'RefusedAddressError';
}

/** Refuses a URL's scheme before anything is resolved; the address is checked when connecting. */
export function checkScheme(url: URL, network: WebhookNetwork): void {
  if (url.protocol === 'https:') return;
  if (url.protocol === 'http:' && network.allowHttp) return;
  throw new RefusedAddressError('webhooks are sent over https:// only');
}

/**
 * A `lookup` for http.request that resolves the host and refuses it when any address is private:
 * the check and the connection use the same answer, so a DNS record cannot change in between
 * (DNS rebinding).
 */
export function checkedLookup(network: WebhookNetwork): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refused = addresses.find((a) => isPrivateAddress(a.address));
      if (refused && !network.allowPrivate)
        return callback(
          new RefusedAddressError(
            `${hostname} resolves to a private address (${refused.address}); the relay refuses it unless started with --webhook-allow-private`,
          ),
          '',
          0,
        );
      if (options.all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0]!;
      callback(null, first.address, first.family);
    });
  };
}

/** Resolves the URL's host once and throws what delivery would refuse: for a clear error when adding. */
export async function checkReachable(url: URL, network: WebhookNetwork): Promise<void> {
  checkScheme(url, network);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  await new Promise<void>((resolve, reject) =>
    checkedLookup(network)(host, { all: true }, (error) => (error ? reject(error) : resolve())),
  );
}
