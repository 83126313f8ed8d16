import type { ReporterToolSummary } from '../report/summary.ts';
import { byCodeUnit } from '../schema/values.ts';
import {
  MAX_EMBEDDED_IN,
  MAX_HOSTS,
  MAX_PURPOSES,
  MAX_REPORTER_IDS,
  type DiscoveryAggregate,
} from './schema.ts';

export type ReporterRow = ReporterToolSummary & { reporterId: string };

/** The `limit` items listed by the most reporters (ties: code-unit order), sorted. */
function mostReported(lists: Array<readonly string[]>, limit: number): string[] {
  const counts = new Map<string, number>();
  for (const list of lists)
    for (const item of new Set(list)) counts.set(item, (counts.get(item) ?? 0) + 1);
  return [...counts]
    .sort(([a, x], [b, y]) => y - x || byCodeUnit(a, b))
    .slice(0, limit)
    .map(([item]) => item)
    .sort(byCodeUnit);
}

/** The value most rows agree on; ties go to the most recently seen row, then code-unit order. */
function consensus<T extends string>(
  rows: readonly ReporterRow[],
  pick: (row: ReporterRow) => T,
): T {
  const votes = new Map<T, { count: number; latest: number }>();
  for (const row of rows) {
    const value = pick(row);
    const vote = votes.get(value) ?? { count: 0, latest: 0 };
    votes.set(value, { count: vote.count + 1, latest: Math.max(vote.latest, row.lastSeen) });
  }
  const [best] = [...votes].sort(
    ([a, x], [b, y]) => y.count - x.count || y.latest - x.latest || byCodeUnit(a, b),
  );
  return best![0];
}

/**
 * Combines every reporter's summary row for ONE tool into its discovery. Pure and deterministic:
 * the same rows in any order give the same aggregate. Undefined when no reporter has it (the
 * caller then deletes the discovery). Throws when the rows are about different tools.
 */
export function combineSummaries(
  rows: readonly ReporterRow[],
  { attributed }: { attributed: boolean },
): DiscoveryAggregate | undefined {
  if (rows.length === 0) return undefined;
  const toolKey = rows[0]!.toolKey;
  if (rows.some((row) => row.toolKey !== toolKey)) {
    throw new Error('combineSummaries combines the rows of one tool at a time');
  }
  // A reporter listed twice counts once; the order of rows must not matter.
  const sorted = [...rows].sort(
    (a, b) => byCodeUnit(a.reporterId, b.reporterId) || b.lastSeen - a.lastSeen,
  );
  const aggregate: DiscoveryAggregate = {
    name: consensus(sorted, (row) => row.name),
    category: consensus(sorted, (row) => row.category),
    reporters: new Set(sorted.map((row) => row.reporterId)).size,
    firstSeen: sorted.reduce((min, row) => Math.min(min, row.firstSeen), Infinity),
    lastSeen: sorted.reduce((max, row) => Math.max(max, row.lastSeen), 0),
    signals: [...new Set(sorted.flatMap((row) => row.signals))].sort(byCodeUnit),
    hosts: mostReported(
      sorted.map((row) => row.hosts),
      MAX_HOSTS,
    ),
    embeddedIn: mostReported(
      sorted.map((row) => row.embeddedIn),
      MAX_EMBEDDED_IN,
    ),
    flagCount: sorted.reduce((sum, row) => sum + row.flagCount, 0),
    purposes: mostReported(
      sorted.map((row) => row.purposes),
      MAX_PURPOSES,
    ),
    dataCategories: [...new Set(sorted.flatMap((row) => row.dataCategories))].sort(byCodeUnit),
  };
  if (attributed) {
    const latest = new Map<string, number>();
    for (const row of sorted)
      latest.set(row.reporterId, Math.max(latest.get(row.reporterId) ?? 0, row.lastSeen));
    aggregate.reporterIds = [...latest]
      .sort(([a, x], [b, y]) => y - x || byCodeUnit(a, b))
      .slice(0, MAX_REPORTER_IDS)
      .map(([id]) => id)
      .sort(byCodeUnit);
  }
  return aggregate;
}
