import type { ApiResult } from './tokens-api.ts';

export type Fields = Record<string, unknown>;

export const fieldsOf = (value: unknown): Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Fields) : {};

/**
 * One JSON call to the relay's HTTP API with this device's token. Never throws: every answer is a
 * result, and a failure carries the relay's own words; `read` checks the answer's shape.
 */
export function relayCaller(token: string, fetcher: typeof fetch, base: string) {
  return async function call<T>(
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    read: (body: unknown) => T | undefined,
    body?: unknown,
  ): Promise<ApiResult<T>> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await fetcher(`${base}${path}`, {
        method,
        headers,
        cache: 'no-store',
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
      });
    } catch {
      return { ok: false, kind: 'unreachable', error: 'the relay could not be reached' };
    }
    const answer: unknown = await response.json().catch(() => undefined);
    if (!response.ok) {
      const said = fieldsOf(answer).error;
      const error =
        typeof said === 'string' && said.trim() !== ''
          ? said.trim().slice(0, 500)
          : `the relay answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      return { ok: false, kind: 'refused', status: response.status, error };
    }
    const value = read(answer);
    if (value === undefined) {
      return {
        ok: false,
        kind: 'refused',
        status: response.status,
        error: 'the relay’s answer was not understood',
      };
    }
    return { ok: true, value };
  };
}
