/** What `client.enrol` needs, read from what the employee pasted. */
export type Enrolment = { code: string; relayUrl: string } | { error: string };

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

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

/** The relay's address as an origin (`https://host[:port]`), https unless it is this computer. */
export function relayOrigin(address: string): { url: string } | { error: string } {
  const typed = address.trim();
  if (typed === '') return { error: 'Enter your workspace’s relay address with the code.' };
  let url: URL;
  try {
    url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(typed) ? typed : `https://${typed}`);
  } catch {
    return { error: 'The relay address is not a web address.' };
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && LOOPBACK.has(url.hostname))) {
    return { error: 'The relay address must start with https:// (http only for localhost).' };
  }
  return { url: url.origin };
}
