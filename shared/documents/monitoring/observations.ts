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

/** A batch as stored: columns, with metric, subgroup and model-version names listed once. */
interface Chunk {
  by: string;
  at: number;
  /** Dictionaries: each observation points into them. */
  metrics: string[];
  subgroups: string[];
  versions: string[];
  /** The earliest observation's time; `t` holds each one's offset from it (shorter than epoch ms). */
  t0: number;
  /** Columns, one entry per observation. */
  m: number[];
  v: number[];
  s: number[];
  t: number[];
  mv: number[];
  n: number[];
}

function indexer(names: string[]) {
  const index = new Map<string, number>();
  return (name: string) => {
    let i = index.get(name);
    if (i === undefined) index.set(name, (i = names.push(name) - 1));
    return i;
  };
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
  let t0 = Infinity;
  for (const o of observations) t0 = Math.min(t0, o.at);
  const chunk: Chunk = {
    by,
    at,
    metrics: [],
    subgroups: [],
    versions: [],
    t0,
    m: [],
    v: [],
    s: [],
    t: [],
    mv: [],
    n: [],
  };
  const [metric, subgroup, version] = [
    indexer(chunk.metrics),
    indexer(chunk.subgroups),
    indexer(chunk.versions),
  ];
  for (const o of observations) {
    chunk.m.push(metric(o.metric));
    chunk.v.push(o.value);
    chunk.s.push(subgroup(o.subgroup));
    chunk.t.push(o.at - t0);
    chunk.mv.push(version(o.modelVersion));
    chunk.n.push(o.n);
  }
  doc.transact(() => {
    ensureWritable(doc, MONITORING_SCHEMA);
    doc.getArray<unknown>(OBSERVATIONS).push([JSON.stringify(chunk)]);
  });
}

const isLabelList = (value: unknown, valid: (name: unknown) => boolean): value is string[] =>
  Array.isArray(value) && value.every(valid);
const validMetric = (name: unknown) => typeof name === 'string' && METRIC_NAME.test(name);
const validSubgroup = (name: unknown) =>
  name === '' || (typeof name === 'string' && LABEL.test(name));
const validVersion = (name: unknown) =>
  typeof name === 'string' && name.length <= MAX_MODEL_VERSION && !/[\p{Cc}\p{Cf}]/u.test(name);

/** The observations of one stored chunk, or why it is unreadable; a malformed row is counted. */
function readChunk(raw: unknown, into: Observation[]): { skipped: number } | string {
  let chunk: unknown;
  try {
    chunk = typeof raw === 'string' ? JSON.parse(raw) : undefined;
  } catch {
    chunk = undefined;
  }
  if (!isPlainObject(chunk)) return 'expected a batch of observations';
  const { metrics, subgroups, versions, t0, m, v, s, t, mv, n } = chunk;
  if (typeof t0 !== 'number' || !Number.isSafeInteger(t0) || t0 < 0)
    return 'a batch without its time';
  if (
    !isLabelList(metrics, validMetric) ||
    !isLabelList(subgroups, validSubgroup) ||
    !isLabelList(versions, validVersion)
  )
    return 'a batch with malformed names';
  const columns = [m, v, s, t, mv, n];
  if (!columns.every(Array.isArray)) return 'a batch without its columns';
  const length = (m as unknown[]).length;
  if (!columns.every((column) => (column as unknown[]).length === length))
    return 'a batch with columns of different lengths';
  let skipped = 0;
  for (let i = 0; i < length; i++) {
    const metric = metrics[(m as unknown[])[i] as number];
    const value = (v as unknown[])[i];
    const subgroup = subgroups[(s as unknown[])[i] as number];
    const offset = (t as unknown[])[i];
    const at = typeof offset === 'number' ? t0 + offset : undefined;
    const modelVersion = versions[(mv as unknown[])[i] as number];
    const count = (n as unknown[])[i];
    if (
      metric === undefined ||
      subgroup === undefined ||
      modelVersion === undefined ||
      typeof value !== 'number' ||
      !Number.isFinite(value) ||
      typeof at !== 'number' ||
      !Number.isSafeInteger(at) ||
      at < 0 ||
      typeof count !== 'number' ||
      !Number.isSafeInteger(count) ||
      count < 0
    ) {
      skipped++;
      continue;
    }
    into.push({ metric, value, subgroup, at, modelVersion, n: count });
  }
  return { skipped };
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
 * right shape is skipped whole, a row of the wrong shape alone; each is reported.
 */
export function readObservations(doc: Y.Doc): ObservationLog {
  const problems: string[] = [];
  const observations: Observation[] = [];
  const chunks = doc.getArray<unknown>(OBSERVATIONS).toArray();
  chunks.forEach((chunk, index) => {
    const read = readChunk(chunk, observations);
    if (typeof read === 'string') addProblem(problems, `observations[${index}]: ${read}`);
    else if (read.skipped > 0)
      addProblem(
        problems,
        `observations[${index}]: skipped ${read.skipped} malformed observation(s)`,
      );
  });
  return { observations, chunks: chunks.length, problems };
}
