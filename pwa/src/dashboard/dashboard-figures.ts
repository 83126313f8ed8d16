import { CATEGORY_LABELS } from '../../../shared/catalog/schema.ts';
import type { Discovery } from '../../../shared/documents/discoveries/index.ts';
import type { ToolStatus, ToolStatusValue } from '../../../shared/documents/policy/index.ts';
import type {
  NetworkLogDiscovery,
  RegistryRecord,
  TriageEntry,
} from '../../../shared/documents/registry/index.ts';
import { formatDay } from '../inbox/inbox-rows.ts';
import { inboxRowsWithNetworkLog } from '../inbox/network-log-rows.ts';
import { STATUS_LABELS } from '../policy/status-words.ts';

/** One bar of a chart: a value, its words, and how many. */
export interface Count {
  key: string;
  label: string;
  count: number;
}

export interface WeekCount {
  /** Monday 00:00 UTC. */
  weekStart: number;
  /** "Week of 2026-01-05". */
  label: string;
  count: number;
}

/** How many enrolled extensions reported lately, as the relay counted them. */
export interface ReporterActivity {
  reporters7d: number;
  reporters30d: number;
  computedAt: number;
}

export interface UntriagedDiscovery {
  toolKey: string;
  name: string;
  firstSeen: number;
  reporters: number;
  howFound: string[];
}

export interface DashboardFigures {
  totals: { records: number; discoveries: number; untriaged: number };
  byTier: Count[];
  /** Records, each under its strictest tool's status. */
  byStatus: Count[];
  /** Tools (each tool key once: discovered, in a record, or given a status), by their status. */
  toolsByStatus: Count[];
  byCategory: Count[];
  discoveriesByWeek: WeekCount[];
  /** Discoveries first seen before the first week shown. */
  earlierDiscoveries: number;
  activity?: ReporterActivity;
  oldestUntriaged: UntriagedDiscovery[];
}

export interface DashboardInput {
  records: Iterable<RegistryRecord>;
  triage: ReadonlyMap<string, TriageEntry>;
  discoveries: readonly Discovery[];
  networkLog: ReadonlyMap<string, NetworkLogDiscovery>;
  statuses: ReadonlyMap<string, ToolStatus>;
  /** The workspace's tiers, most severe first (the scheme's order is the chart's). */
  tiers: readonly { id: string; name: string }[];
  /** Tiers removed from the scheme: named when records still hold them. */
  removedTiers?: readonly { id: string; name: string }[];
  activity?: ReporterActivity;
  now: number;
  /** How many weeks the timeline shows, the current one last. */
  weeks?: number;
  /** How many untriaged discoveries to list. */
  oldest?: number;
}

const DAY = 86_400_000;
const WEEK = 7 * DAY;
export const NOT_TIERED = 'Not tiered';
export const NO_CATEGORY = 'No category';

/** A record's status is its strictest tool's: approved only when every tool behind it is. */
const SEVERITY: Record<ToolStatusValue, number> = {
  approved: 0,
  unreviewed: 1,
  restricted: 2,
  banned: 3,
};
const STATUS_ORDER: readonly ToolStatusValue[] = ['approved', 'restricted', 'banned', 'unreviewed'];

export function recordStatus(
  record: Pick<RegistryRecord, 'toolKeys'>,
  statuses: ReadonlyMap<string, ToolStatus>,
): ToolStatusValue {
  if (record.toolKeys.length === 0) return 'unreviewed';
  let strictest: ToolStatusValue = 'approved';
  for (const key of record.toolKeys) {
    const status = statuses.get(key)?.status ?? 'unreviewed';
    if (SEVERITY[status] > SEVERITY[strictest]) strictest = status;
  }
  return strictest;
}

/** Monday 00:00 UTC of the week holding `ms`. */
export function weekStart(ms: number): number {
  const day = Math.floor(ms / DAY) * DAY;
  const weekday = (new Date(day).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  return day - weekday * DAY;
}

/** Untriaged: nobody decided anything yet (a snooze or a dismissal is a decision). */
const untriaged = (entry: TriageEntry | undefined) => entry === undefined || entry.state === 'new';

function tally<T>(items: Iterable<T>, keyOf: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * Every number on the dashboard, derived from the documents alone: records by tier, policy
 * status and category; discoveries (the relay's and imported logs') by first-seen week; the
 * relay's count of active extensions; the oldest discoveries nobody has triaged.
 */
export function dashboardFigures(input: DashboardInput): DashboardFigures {
  const records = [...input.records];
  const rows = inboxRowsWithNetworkLog(
    input.discoveries,
    input.networkLog,
    input.statuses,
    input.triage,
  );

  const tierCounts = tally(records, (r) => r.classification?.tier?.decided ?? '');
  const byTier: Count[] = input.tiers.map((t) => ({
    key: t.id,
    label: t.name,
    count: tierCounts.get(t.id) ?? 0,
  }));
  // Tiers since removed from the scheme may still hold records: named as removed (or by id).
  for (const [id, count] of tierCounts) {
    if (id === '' || input.tiers.some((t) => t.id === id)) continue;
    const removed = input.removedTiers?.find((t) => t.id === id);
    byTier.push({ key: id, label: removed ? `${removed.name} (removed)` : id, count });
  }
  const notTiered = tierCounts.get('') ?? 0;
  if (notTiered > 0) byTier.push({ key: '', label: NOT_TIERED, count: notTiered });

  const statusCounts = tally(records, (r) => recordStatus(r, input.statuses));
  const byStatus = STATUS_ORDER.map((status) => ({
    key: status,
    label: STATUS_LABELS[status],
    count: statusCounts.get(status) ?? 0,
  }));

  // Tools, not records: a banned tool nobody opened as a record still counts as banned.
  const toolKeys = new Set([
    ...rows.map((row) => row.toolKey),
    ...records.flatMap((r) => r.toolKeys),
    ...input.statuses.keys(),
  ]);
  const toolCounts = tally(toolKeys, (key) => input.statuses.get(key)?.status ?? 'unreviewed');
  const toolsByStatus = STATUS_ORDER.map((status) => ({
    key: status,
    label: STATUS_LABELS[status],
    count: toolCounts.get(status) ?? 0,
  }));

  const byCategory = [...tally(records, (r) => r.category ?? '')]
    .map(([key, count]) => ({
      key,
      label:
        key === '' ? NO_CATEGORY : (CATEGORY_LABELS[key as keyof typeof CATEGORY_LABELS] ?? key),
      count,
    }))
    .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));

  const weeks = input.weeks ?? 12;
  const lastWeek = weekStart(input.now);
  const firstWeek = lastWeek - (weeks - 1) * WEEK;
  const discoveriesByWeek: WeekCount[] = Array.from({ length: weeks }, (_, i) => {
    const start = firstWeek + i * WEEK;
    return { weekStart: start, label: `Week of ${formatDay(start)}`, count: 0 };
  });
  let earlierDiscoveries = 0;
  for (const row of rows) {
    const index = Math.floor((weekStart(row.firstSeen) - firstWeek) / WEEK);
    if (index < 0) earlierDiscoveries++;
    else if (index < weeks) discoveriesByWeek[index]!.count++;
  }

  const waiting = rows.filter((row) => untriaged(row.triage));
  const oldestUntriaged = waiting
    .sort((a, b) => a.firstSeen - b.firstSeen || a.name.localeCompare(b.name))
    .slice(0, input.oldest ?? 5)
    .map(({ toolKey, name, firstSeen, reporters, howFound }) => ({
      toolKey,
      name,
      firstSeen,
      reporters,
      howFound,
    }));

  const figures: DashboardFigures = {
    totals: { records: records.length, discoveries: rows.length, untriaged: waiting.length },
    byTier,
    byStatus,
    toolsByStatus,
    byCategory,
    discoveriesByWeek,
    earlierDiscoveries,
    oldestUntriaged,
  };
  if (input.activity) figures.activity = input.activity;
  return figures;
}
