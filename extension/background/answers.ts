import type { Matcher } from '../../shared/detection/matcher.ts';
import type { ReportFlag } from '../../shared/documents/report/index.ts';
import { hostToolKey, isDataCategory } from '../../shared/documents/schema/values.ts';
import { webHostname } from '../detection/index.ts';
import type { Enrolment } from '../enrolment/enrolment.ts';
import type { StoredSighting } from '../local-log/index.ts';
import type { BannerInfo, FlagInput, LedgerResponse, SiteInfo } from './messages.ts';

/**
 * The pure parts of the worker's answers to its pages: what a flag becomes, what the ledger and
 * the export show, and whether a page gets a banner. The service supplies the state.
 */

/** A flag as the employee filled it in, made safe to store: a hostname, bounded texts, known data kinds. */
export function flagFromInput(
  input: FlagInput,
  matcher: Matcher,
  id: string,
  now: number,
): ReportFlag | { error: string } {
  const typed = String(input.host ?? '').trim();
  const host = webHostname(/^https?:\/\//i.test(typed) ? typed : `https://${typed}`);
  if (!host || !host.includes('.')) return { error: 'the flag needs the site’s hostname' };
  const categories = Array.isArray(input.dataCategories)
    ? input.dataCategories.filter(isDataCategory)
    : [];
  const text = (value: unknown, max: number) =>
    String(value ?? '')
      .trim()
      .slice(0, max);
  return {
    id,
    toolKey: input.toolKey && matcher.tool(input.toolKey) ? input.toolKey : hostToolKey(host),
    host,
    name: text(input.name, 100) || host,
    purpose: text(input.purpose, 500),
    dataCategories: [...new Set(categories)],
    note: text(input.note, 1000),
    createdAt: now,
  };
}

/** The employee's ledger: each local entry, and whether the relay has acknowledged it. */
export function ledgerFrom(
  entries: readonly StoredSighting[],
  lastSyncAt: number,
  shared: unknown,
  retentionDays: number,
): LedgerResponse {
  return {
    entries: entries.map((entry) => ({
      toolKey: entry.toolKey,
      toolName: entry.name,
      ...(entry.host ? { host: entry.host } : {}),
      signal: entry.signal,
      ...(entry.embeddedIn ? { embeddedIn: entry.embeddedIn } : {}),
      at: entry.at,
      synced: entry.synced && (entry.syncedAt ?? Infinity) <= lastSyncAt,
    })),
    shared,
    retentionDays,
  };
}

/** "Export my data": everything this extension holds about its employee, never the token. */
export function exportJson(
  now: number,
  enrolment: Enrolment | undefined,
  ledger: LedgerResponse,
): string {
  const membership = enrolment
    ? {
        workspace: enrolment.workspace,
        relayUrl: enrolment.relayUrl,
        reporterId: enrolment.reporterId,
      }
    : null;
  return JSON.stringify(
    {
      exportedAt: new Date(now).toISOString(),
      enrolment: membership,
      localLog: ledger.entries,
      sharedReport: ledger.shared,
    },
    null,
    2,
  );
}

/** The banner for a page: only on restricted and banned tools, and not once dismissed today. */
export function bannerFor(
  site: SiteInfo,
  dismissals: Readonly<Record<string, string>>,
  now: number,
): BannerInfo {
  const status = site.status?.status;
  if (!site.tool || !site.status || (status !== 'restricted' && status !== 'banned'))
    return { show: false };
  if (dismissals[site.tool.toolKey] === utcDay(now)) return { show: false };
  return {
    show: true,
    toolKey: site.tool.toolKey,
    toolName: site.tool.name,
    status,
    guidance: site.status.guidance,
    ...(site.status.alternative ? { alternative: site.status.alternative } : {}),
  };
}

/** The dismissals after dismissing `toolKey` today. */
export function withDismissal(
  dismissals: Readonly<Record<string, string>>,
  toolKey: string,
  now: number,
): Record<string, string> {
  return { ...dismissals, [String(toolKey).slice(0, 120)]: utcDay(now) };
}

function utcDay(at: number): string {
  return new Date(at).toISOString().slice(0, 10);
}
