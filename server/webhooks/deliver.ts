import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { checkScheme, checkedLookup, type WebhookNetwork } from './address-policy.ts';

export interface Attempt {
  /** The receiver's status, 0 when none came. */
  status: number;
  ok: boolean;
  /** Whether trying again may help: network errors, timeouts, 408, 429 and 5xx. */
  retry: boolean;
  error?: string;
}

/** One POST of a signed body, through the address check (HOOK7); never follows a redirect. */
export function postOnce(
  url: string,
  body: string,
  headers: Record<string, string>,
  network: WebhookNetwork,
  timeoutMs: number,
): Promise<Attempt> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
      checkScheme(target, network);
    } catch (error) {
      resolve({ status: 0, ok: false, retry: false, error: (error as Error).message });
      return;
    }
    const request = (target.protocol === 'https:' ? httpsRequest : httpRequest)(
      target,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          'Content-Length': String(Buffer.byteLength(body)),
          'User-Agent': 'Sightline-Webhook/1',
          ...headers,
        },
        lookup: checkedLookup(network),
        timeout: timeoutMs,
      },
      (response) => {
        response.resume();
        const status = response.statusCode ?? 0;
        const ok = status >= 200 && status < 300;
        resolve({
          status,
          ok,
          retry: !ok && (status === 408 || status === 429 || status >= 500),
          ...(ok ? {} : { error: `HTTP ${status}` }),
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', (error) => {
      const refused = error.name === 'RefusedAddressError' || /private address/.test(error.message);
      resolve({ status: 0, ok: false, retry: !refused, error: error.message.slice(0, 300) });
    });
    request.end(body);
  });
}
