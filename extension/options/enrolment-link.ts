import { relayOrigin as originOf } from '../enrolment/enrolment.ts';

/** What `client.enrol` needs, read from what the employee pasted. */
export type Enrolment = { code: string; relayUrl: string } | { error: string };

/**
 * Reads an enrolment link (`https://RELAY/#/enrol?code=CODE`, whose origin is the relay) or a bare
 * code with the relay's address typed beside it.
 */
export function parseEnrolment(linkOrCode: string, relayAddress: string): Enrolment {
  const pasted = linkOrCode.trim();
  if (pasted === '') return { error: 'Paste the enrolment link or code you were given.' };
  if (/^https?:\/\//i.test(pasted)) return fromLink(pasted);
  if (/\s/.test(pasted)) return { error: 'An enrolment code has no spaces: paste it again.' };
  const relay = relayOrigin(relayAddress);
  if ('error' in relay) return relay;
  return { code: pasted, relayUrl: relay.url };
}

function fromLink(link: string): Enrolment {
  let url: URL;
  try {
    url = new URL(link);
  } catch {
    return { error: 'This is not a complete link: copy it again.' };
  }
  const [route = '', query = ''] = url.hash.replace(/^#/, '').split('?');
  const code = (
    route.replace(/\/$/, '') === '/enrol' ? new URLSearchParams(query) : url.searchParams
  ).get('code');
  if (!code) return { error: 'This link has no enrolment code: copy the whole link again.' };
  const relay = relayOrigin(url.origin);
  if ('error' in relay) return relay;
  return { code, relayUrl: relay.url };
}

/**
 * The relay's address as an origin (`https://host[:port]`), https unless it is this computer; any
 * form the relay prints is read (`ws://localhost:8787/sync`, a path, no scheme).
 */
export function relayOrigin(address: string): { url: string } | { error: string } {
  if (address.trim() === '')
    return { error: 'Enter your workspace’s relay address with the code.' };
  try {
    return { url: originOf(address, { plainHttp: 'loopback' }) };
  } catch (error) {
    const text = (error as Error).message;
    return { error: `The relay address is not usable: ${text}.` };
  }
}
