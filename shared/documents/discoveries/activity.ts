import type * as Y from 'yjs';
import { addProblem } from '../schema/problems.ts';
import { readNumber, readTimestamp, topMap } from '../schema/read.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkTimestamp, setIfChanged } from '../schema/write.ts';
import { DISCOVERIES_SCHEMA } from './schema.ts';

/**
 * `activity`: how many enrolled extensions reported anything lately, counted by the relay from
 * its per-reporter summaries (docs/sync.md D5). A count only, never who.
 *
 *   activity  { reporters7d, reporters30d, computedAt }
 */
export const ACTIVITY = 'activity';

export interface ReporterActivity {
  /** Distinct reporters with a sighting or flag today or in the six days before. */
  reporters7d: number;
  /** The same over thirty days (so never fewer than reporters7d). */
  reporters30d: number;
  computedAt: number;
}

const isCount = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

/** Writes the activity figure (only the keys that change). Throws, changing nothing, on bad input. */
export function writeActivity(doc: Y.Doc, activity: ReporterActivity): void {
  if (!isCount(activity.reporters7d) || !isCount(activity.reporters30d)) {
    throw new RangeError('reporter counts must be whole numbers ≥ 0');
  }
  if (activity.reporters7d > activity.reporters30d) {
    throw new RangeError('reporters7d cannot exceed reporters30d');
  }
  checkTimestamp('computedAt', activity.computedAt);
  doc.transact(() => {
    ensureWritable(doc, DISCOVERIES_SCHEMA);
    const map = doc.getMap<unknown>(ACTIVITY);
    setIfChanged(map, 'reporters7d', activity.reporters7d);
    setIfChanged(map, 'reporters30d', activity.reporters30d);
    setIfChanged(map, 'computedAt', activity.computedAt);
  });
}

/** The activity figure, or undefined when absent or unreadable (reported). */
export function readActivity(doc: Y.Doc, problems: string[]): ReporterActivity | undefined {
  const map = topMap(doc, ACTIVITY, problems);
  if (map === undefined || map.size === 0) return undefined;
  const options = { path: ACTIVITY, required: true, integer: true, min: 0 };
  const reporters7d = readNumber(map, 'reporters7d', problems, options);
  const reporters30d = readNumber(map, 'reporters30d', problems, options);
  const computedAt = readTimestamp(map, 'computedAt', problems, { path: ACTIVITY, required: true });
  if (reporters7d === undefined || reporters30d === undefined || computedAt === undefined) {
    addProblem(problems, `${ACTIVITY}: unreadable; left out`);
    return undefined;
  }
  return { reporters7d, reporters30d: Math.max(reporters7d, reporters30d), computedAt };
}
