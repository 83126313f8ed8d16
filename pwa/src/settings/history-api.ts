import { fieldsOf, relayCaller } from './relay-call.ts';
import type { ApiResult } from './tokens-api.ts';

/** One checkpoint as `GET /api/history` lists it (docs/sync.md DR7). */
export interface Checkpoint {
  /** ISO-8601. */
  at: string;
  bytes: number;
}

/** What restoring (or previewing) answers (DR8). */
export interface RestoreAnswer {
  /** The checkpoint's time, ISO-8601. */
  from: string;
  changes: string[];
  applied: boolean;
}

export interface HistoryApi {
  list(document: string): Promise<ApiResult<Checkpoint[]>>;
  restore(document: string, at: string, preview: boolean): Promise<ApiResult<RestoreAnswer>>;
}

const isIso = (value: unknown): value is string =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value));

function readCheckpoints(answer: unknown): Checkpoint[] | undefined {
  const rows = fieldsOf(answer).checkpoints;
  if (!Array.isArray(rows)) return undefined;
  return rows.flatMap((row) => {
    const { at, bytes } = fieldsOf(row);
    return isIso(at) && typeof bytes === 'number' ? [{ at, bytes }] : [];
  });
}

function readRestore(answer: unknown): RestoreAnswer | undefined {
  const { from, changes, applied } = fieldsOf(answer);
  if (!isIso(from) || !Array.isArray(changes)) return undefined;
  return {
    from,
    changes: changes.filter((change): change is string => typeof change === 'string'),
    applied: applied === true,
  };
}

/** The relay's history API, for admins, with this device's token. */
export function createHistoryApi(
  token: string,
  fetcher: typeof fetch = (...args) => fetch(...args),
  base = '',
): HistoryApi {
  const call = relayCaller(token, fetcher, base);
  return {
    list: (document) =>
      call('GET', `/api/history?${new URLSearchParams({ document }).toString()}`, readCheckpoints),
    restore: (document, at, preview) =>
      call('POST', '/api/history/restore', readRestore, { document, at, preview }),
  };
}
