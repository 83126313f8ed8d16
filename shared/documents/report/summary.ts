import type { Category } from '../../catalog/schema.ts';
import { byCodeUnit } from '../schema/values.ts';
import { MAX_EMBEDDED_IN, MAX_HOSTS, type Report } from './schema.ts';

/** Distinct purposes kept per row (the most recent ones). */
export const MAX_PURPOSES = 20;

/** What one reporter says about one tool: the unit the relay combines into discoveries. */
export interface ReporterToolSummary {
  toolKey: string;
  name: string;
  category: Category;
  firstSeen: number;
  lastSeen: number;
  /** Sorted; 'flag' when the reporter flagged the tool. */
  signals: string[];
  /** Sorted; the MAX_HOSTS most recent (flags' hosts included). */
  hosts: string[];
  /** Sorted; the MAX_EMBEDDED_IN most recent sites. */
  embeddedIn: string[];
  flagCount: number;
  /** Sorted; distinct, trimmed, non-empty; the MAX_PURPOSES most recent. */
  purposes: string[];
  /** Sorted, distinct. */
  dataCategories: string[];
}

interface Row {
  /** True when the reporter only flagged the tool: its name then comes from the latest flag. */
  flagsOnly: boolean;
  summary: Omit<ReporterToolSummary, 'signals' | 'hosts' | 'embeddedIn' | 'purposes'>;
  signals: Set<string>;
  hosts: Map<string, number>;
  embeddedIn: Map<string, number>;
  purposes: Map<string, number>;
  dataCategories: Set<string>;
}

function keepLatest(into: Map<string, number>, key: string, at: number): void {
  const current = into.get(key);
  if (current === undefined || at > current) into.set(key, at);
}

/** The `limit` most recent keys (ties: key order), returned in key order. */
function mostRecent(entries: Map<string, number>, limit: number): string[] {
  return [...entries]
    .sort(([a, x], [b, y]) => y - x || byCodeUnit(a, b))
    .slice(0, limit)
    .map(([key]) => key)
    .sort(byCodeUnit);
}

/**
 * One row per toolKey, in toolKey order: the sightings, with the reporter's flags folded in (a
 * flag adds the 'flag' signal, its host, purpose and data categories, and makes a row for a tool
 * never otherwise seen, named as the flag names it). Pure: the same report gives the same rows.
 */
export function summariseReport(report: Pick<Report, 'tools' | 'flags'>): ReporterToolSummary[] {
  const rows = new Map<string, Row>();
  for (const tool of report.tools) {
    rows.set(tool.toolKey, {
      flagsOnly: false,
      summary: {
        toolKey: tool.toolKey,
        name: tool.name,
        category: tool.category,
        firstSeen: tool.firstSeen,
        lastSeen: tool.lastSeen,
        flagCount: 0,
        dataCategories: [],
      },
      signals: new Set(tool.signals.keys()),
      hosts: new Map(tool.hosts),
      embeddedIn: new Map(tool.embeddedIn),
      purposes: new Map(),
      dataCategories: new Set(),
    });
  }
  // Oldest first, so a flag-only row takes the name of the latest flag.
  const flags = [...report.flags].sort(
    (a, b) => a.createdAt - b.createdAt || byCodeUnit(a.id, b.id),
  );
  for (const flag of flags) {
    let row = rows.get(flag.toolKey);
    if (row === undefined) {
      row = {
        flagsOnly: true,
        summary: {
          toolKey: flag.toolKey,
          name: flag.name,
          category: 'other',
          firstSeen: flag.createdAt,
          lastSeen: flag.createdAt,
          flagCount: 0,
          dataCategories: [],
        },
        signals: new Set(),
        hosts: new Map(),
        embeddedIn: new Map(),
        purposes: new Map(),
        dataCategories: new Set(),
      };
      rows.set(flag.toolKey, row);
    } else if (row.flagsOnly) {
      row.summary.name = flag.name;
    }
    const s = row.summary;
    s.flagCount++;
    s.firstSeen = Math.min(s.firstSeen, flag.createdAt);
    s.lastSeen = Math.max(s.lastSeen, flag.createdAt);
    row.signals.add('flag');
    if (flag.host !== undefined) keepLatest(row.hosts, flag.host, flag.createdAt);
    const purpose = flag.purpose.trim();
    if (purpose !== '') keepLatest(row.purposes, purpose, flag.createdAt);
    for (const category of flag.dataCategories) row.dataCategories.add(category);
  }
  return [...rows.values()]
    .map((row) => ({
      ...row.summary,
      signals: [...row.signals].sort(byCodeUnit),
      hosts: mostRecent(row.hosts, MAX_HOSTS),
      embeddedIn: mostRecent(row.embeddedIn, MAX_EMBEDDED_IN),
      purposes: mostRecent(row.purposes, MAX_PURPOSES),
      dataCategories: [...row.dataCategories].sort(byCodeUnit),
    }))
    .sort((a, b) => byCodeUnit(a.toolKey, b.toolKey));
}
