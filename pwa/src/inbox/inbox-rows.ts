import { CATEGORY_LABELS, type Category } from '../../../shared/catalog/schema.ts';
import type { Discovery } from '../../../shared/documents/discoveries/index.ts';
import type { ToolStatus, ToolStatusValue } from '../../../shared/documents/policy/index.ts';
import type { TriageEntry } from '../../../shared/documents/registry/index.ts';

/** One line of the inbox: a discovered tool, in words, with the status employees see. */
export interface InboxRow {
  toolKey: string;
  name: string;
  /** The category in words; `categoryKey` is the catalog's value. */
  category: string;
  categoryKey: Category;
  reporters: number;
  firstSeen: number;
  lastSeen: number;
  /** When Sightline first knew of it (the relay's, or an imported log's): what "new to me" is judged on. */
  firstReportedAt: number;
  /** How it was found, in words: "visit", "AI inside another site (crm.example.com)", … */
  howFound: string[];
  flagCount: number;
  purposes: string[];
  dataKinds: string[];
  /** The data kinds as the flags named them (dataKinds is them in words). */
  dataCategories: string[];
  hosts: string[];
  status: ToolStatusValue;
  policy?: ToolStatus;
  /** The lead's triage decision, if any (absent means new). */
  triage?: TriageEntry;
}

const DATA_KIND_LABELS: Record<string, string> = {
  personal: 'personal data',
  customer: 'customer data',
  'source-code': 'source code',
  financial: 'financial data',
  health: 'health data',
  confidential: 'confidential data',
  none: 'no data',
};

const MAX_SITES_NAMED = 5;

/** The signals of a discovery in words, in a fixed order. */
export function howFound(discovery: Pick<Discovery, 'signals' | 'embeddedIn' | 'flagCount'>) {
  const words: string[] = [];
  const signals = new Set(discovery.signals);
  if (signals.has('visit')) words.push('visit');
  if (signals.has('api-call')) {
    const sites = discovery.embeddedIn.slice(0, MAX_SITES_NAMED);
    const more = discovery.embeddedIn.length - sites.length;
    const list = sites.join(', ') + (more > 0 ? ` and ${more} more` : '');
    words.push(sites.length > 0 ? `AI inside another site (${list})` : 'AI inside another site');
  }
  if (signals.has('extension')) words.push('browser extension');
  if (signals.has('flag')) {
    words.push(discovery.flagCount > 1 ? `flag (${discovery.flagCount})` : 'flag');
  }
  return words;
}

export function dataKindLabel(kind: string): string {
  return DATA_KIND_LABELS[kind] ?? kind;
}

/** The inbox: newest first (last seen, then first seen), then by name. */
export function inboxRows(
  discoveries: readonly Discovery[],
  statuses: ReadonlyMap<string, ToolStatus>,
  triage: ReadonlyMap<string, TriageEntry> = new Map(),
): InboxRow[] {
  return discoveries
    .map((d): InboxRow => {
      const policy = statuses.get(d.toolKey);
      const row: InboxRow = {
        toolKey: d.toolKey,
        name: d.name,
        category: CATEGORY_LABELS[d.category] ?? CATEGORY_LABELS.other,
        categoryKey: d.category,
        reporters: d.reporters,
        firstSeen: d.firstSeen,
        lastSeen: d.lastSeen,
        firstReportedAt: d.firstReportedAt,
        howFound: howFound(d),
        flagCount: d.flagCount,
        purposes: d.purposes,
        dataKinds: d.dataCategories.map(dataKindLabel),
        dataCategories: d.dataCategories,
        hosts: d.hosts,
        status: policy?.status ?? 'unreviewed',
      };
      if (policy) row.policy = policy;
      const decision = triage.get(d.toolKey);
      if (decision) row.triage = decision;
      return row;
    })
    .sort(
      (a, b) =>
        b.lastSeen - a.lastSeen ||
        b.firstSeen - a.firstSeen ||
        a.name.localeCompare(b.name) ||
        a.toolKey.localeCompare(b.toolKey),
    );
}

/** A day as YYYY-MM-DD (times are kept at day precision, in UTC). */
export function formatDay(ms: number): string {
  return Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString().slice(0, 10) : '—';
}
