import type * as Y from 'yjs';
import { addProblem } from '../schema/problems.ts';
import { isPlainObject } from '../schema/read-core.ts';
import { MAX_TIMESTAMP } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, checkTimestamp } from '../schema/write.ts';
import {
  LABEL,
  MAX_MODEL_VERSION,
  METRIC_NAME,
  MONITORING_SCHEMA,
  OBSERVATIONS,
} from './schema.ts';

/** One measured value of one metric, for one subgroup ('' for the whole population). */
export interface Observation {
  metric: string;
  value: number;
  subgroup: string;
  /** When it was measured, epoch ms. */
  at: number;
  modelVersion: string;
  /** How many cases it was measured on (0: not given). */
  n: number;
}

/** What one request (or one CSV import) may add at once (docs/sync.md MON3). */
export const MAX_OBSERVATIONS_PER_BATCH = 10_000;
/** How far ahead of the relay's clock an observation's time may lie (clock skew). */
export const AT_AHEAD_MS = 5 * 60_000;
const MAX_N = 1e12;
const ISO_8601 =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$|^\d{4}-\d{2}-\d{2}$/;
const KEYS = new Set(['metric', 'value', 'subgroup', 'at', 'modelVersion', 'n']);

/** Why a batch was refused: the first thing wrong, naming where (MON3). */
export class ObservationError extends Error {
  override name = 'ObservationError';
}

function fail(where: string, what: string): never {
  throw new ObservationError(`${where}: ${what}`);
}

function parseOne(raw: unknown, where: string, metrics: ReadonlySet<string>, now: number) {
  if (!isPlainObject(raw)) fail(where, 'must be an object');
  for (const key of Object.keys(raw))
    if (!KEYS.has(key))
      fail(
        where,
        `unknown field ${JSON.stringify(key.slice(0, 40))} (allowed: ${[...KEYS].join(', ')})`,
      );
  const { metric, value, subgroup, at, modelVersion, n } = raw;
  if (typeof metric !== 'string' || !METRIC_NAME.test(metric))
    fail(where, '"metric" must be a metric name (1–64 letters, digits, spaces, . _ - ( ) %)');
  if (!metrics.has(metric))
    fail(
      where,
      `"metric" ${JSON.stringify(metric)} is not in this system's monitoring plan` +
        (metrics.size > 0
          ? ` (its metrics: ${[...metrics].join(', ')})`
          : ' (the plan has no metrics yet)'),
    );
  if (typeof value !== 'number' || !Number.isFinite(value))
    fail(where, '"value" must be a finite number');
  if (subgroup !== undefined && (typeof subgroup !== 'string' || !LABEL.test(subgroup)))
    fail(where, '"subgroup" must be 1–64 printable characters');
  let time = now;
  if (at !== undefined) {
    time = typeof at === 'string' && ISO_8601.test(at) ? Date.parse(at) : NaN;
    if (!Number.isFinite(time) || time < 0 || time > MAX_TIMESTAMP)
      fail(where, '"at" must be an ISO-8601 time, e.g. 2026-12-01T09:00:00Z');
    if (time > now + AT_AHEAD_MS) fail(where, '"at" is in the future');
  }
  if (
    modelVersion !== undefined &&
    (typeof modelVersion !== 'string' ||
      modelVersion.length > MAX_MODEL_VERSION ||
      !LABEL.test(modelVersion.slice(0, 64)) ||
      /[\p{Cc}\p{Cf}]/u.test(modelVersion))
  )
    fail(where, `"modelVersion" must be 1–${MAX_MODEL_VERSION} printable characters`);
  if (n !== undefined && (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 1 || n > MAX_N))
    fail(where, '"n" must be a whole number from 1');
  return {
    metric,
    value,
    subgroup: (subgroup as string | undefined) ?? '',
    at: time,
    modelVersion: (modelVersion as string | undefined) ?? '',
    n: (n as number | undefined) ?? 0,
  };
}

/**
 * Reads a pipeline's request body (MON2–MON3): `{"observations": [ … ]}` or one observation alone.
 * All or nothing: throws an ObservationError naming the first thing wrong, else returns every
 * observation, checked against the plan's metrics. `now` fills a missing `at`.
 */
export function parseObservationBatch(
  body: unknown,
  planMetrics: ReadonlySet<string>,
  now: number,
): Observation[] {
  if (!isPlainObject(body)) fail('body', 'must be a JSON object');
  if (!Object.hasOwn(body, 'observations'))
    return [parseOne(body, 'observation', planMetrics, now)];
  const extra = Object.keys(body).filter((key) => key !== 'observations');
  if (extra.length > 0)
    fail('body', `unknown field ${JSON.stringify(extra[0]!.slice(0, 40))} beside "observations"`);
  const list = body.observations;
  if (!Array.isArray(list)) fail('observations', 'must be a list');
  if (list.length === 0) fail('observations', 'is empty');
  if (list.length > MAX_OBSERVATIONS_PER_BATCH)
    fail('observations', `at most ${MAX_OBSERVATIONS_PER_BATCH} per request, got ${list.length}`);
  return list.map((raw, index) => parseOne(raw, `observations[${index}]`, planMetrics, now));
}

/**
 * Appends one batch as one chunk (one array item, whatever its size). The caller has checked the
 * observations (parseObservationBatch); this checks only who and when.
 */
export function appendObservations(
  doc: Y.Doc,
  observations: readonly Observation[],
  by: string,
  at: number,
): void {
  checkText('by', by, { min: 1, max: 200 });
  checkTimestamp('at', at);
  if (observations.length === 0) return;
  const o = observations.map((x) => [x.metric, x.value, x.subgroup, x.at, x.modelVersion, x.n]);
  doc.transact(() => {
    ensureWritable(doc, MONITORING_SCHEMA);
    doc.getArray<unknown>(OBSERVATIONS).push([JSON.stringify({ by, at, o })]);
  });
}

function tuple(raw: unknown): Observation | undefined {
  if (!Array.isArray(raw) || raw.length !== 6) return undefined;
  const [metric, value, subgroup, at, modelVersion, n] = raw as unknown[];
  if (
    typeof metric !== 'string' ||
    !METRIC_NAME.test(metric) ||
    typeof value !== 'number' ||
    !Number.isFinite(value) ||
    typeof subgroup !== 'string' ||
    subgroup.length > 64 ||
    typeof at !== 'number' ||
    !Number.isSafeInteger(at) ||
    at < 0 ||
    typeof modelVersion !== 'string' ||
    modelVersion.length > MAX_MODEL_VERSION ||
    typeof n !== 'number' ||
    !Number.isSafeInteger(n) ||
    n < 0
  )
    return undefined;
  return { metric, value, subgroup, at, modelVersion, n };
}

export interface ObservationLog {
  /** In the order they were added. */
  observations: Observation[];
  /** How many batches (chunks) hold them. */
  chunks: number;
  problems: string[];
}

/**
 * Every observation of the document. Never trusts it: a chunk that is not a JSON string of the
 * right shape is skipped whole, a tuple of the wrong shape alone; each is reported.
 */
export function readObservations(doc: Y.Doc): ObservationLog {
  const problems: string[] = [];
  const observations: Observation[] = [];
  const chunks = doc.getArray<unknown>(OBSERVATIONS).toArray();
  chunks.forEach((chunk, index) => {
    let parsed: unknown;
    try {
      parsed = typeof chunk === 'string' ? JSON.parse(chunk) : undefined;
    } catch {
      parsed = undefined;
    }
    const rows = isPlainObject(parsed) ? parsed.o : undefined;
    if (!Array.isArray(rows)) {
      addProblem(problems, `observations[${index}]: expected a batch of observations`);
      return;
    }
    let skipped = 0;
    for (const row of rows) {
      const observation = tuple(row);
      if (observation) observations.push(observation);
      else skipped++;
    }
    if (skipped > 0)
      addProblem(problems, `observations[${index}]: skipped ${skipped} malformed observation(s)`);
  });
  return { observations, chunks: chunks.length, problems };
}
