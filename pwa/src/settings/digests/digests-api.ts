import { fieldsOf, relayCaller } from '../relay-call.ts';
import type { ApiResult } from '../tokens-api.ts';

export type DigestEvery = 'daily' | 'weekly';

/** A subscription as `GET /api/digests` lists it, with its latest delivery (docs/sync.md DIG5, DIG7). */
export interface DigestShown {
  id: string;
  address: string;
  every: DigestEvery;
  createdBy: string;
  last?: { periodKey: string; status: string; attempt: number; updatedAt: number; error?: string };
}

export interface DigestList {
  /** Whether the relay answering has an SMTP server (DIG1). */
  sending: boolean;
  digests: DigestShown[];
}

export interface DigestsApi {
  list(): Promise<ApiResult<DigestList>>;
  add(request: { to: string; every: DigestEvery }): Promise<ApiResult<DigestShown>>;
  remove(id: string): Promise<ApiResult<true>>;
}

const isEvery = (value: unknown): value is DigestEvery => value === 'daily' || value === 'weekly';

/** One row, read without trust: a row of the wrong shape is left out. */
function readDigest(row: unknown): DigestShown | undefined {
  const { id, address, every, createdBy, last } = fieldsOf(row);
  if (typeof id !== 'string' || typeof address !== 'string' || !isEvery(every)) return undefined;
  const l = fieldsOf(last);
  return {
    id,
    address,
    every,
    createdBy: typeof createdBy === 'string' ? createdBy : '',
    ...(typeof l.periodKey === 'string' && typeof l.status === 'string'
      ? {
          last: {
            periodKey: l.periodKey,
            status: l.status,
            attempt: typeof l.attempt === 'number' ? l.attempt : 0,
            updatedAt: typeof l.updatedAt === 'number' ? l.updatedAt : 0,
            ...(typeof l.error === 'string' ? { error: l.error } : {}),
          },
        }
      : {}),
  };
}

function readList(answer: unknown): DigestList | undefined {
  const { sending, digests } = fieldsOf(answer);
  if (!Array.isArray(digests)) return undefined;
  return { sending: sending === true, digests: digests.flatMap((row) => readDigest(row) ?? []) };
}

/** The relay's digest API, for admins and leads, with this device's token. */
export function createDigestsApi(
  token: string,
  fetcher: typeof fetch = (...args) => fetch(...args),
  base = '',
): DigestsApi {
  const call = relayCaller(token, fetcher, base);
  return {
    list: () => call('GET', '/api/digests', readList),
    add: (request) => call('POST', '/api/digests', readDigest, request),
    remove: (id) => call('DELETE', `/api/digests/${encodeURIComponent(id)}`, () => true as const),
  };
}
