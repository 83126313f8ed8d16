import type { Category } from '../../shared/catalog/schema.ts';
import type { DataCategory } from '../../shared/documents/schema/values.ts';

/**
 * Messages between the extension's pages (popup, options), its content script (banner) and the
 * background worker. The worker answers every request; a failure is `{ error }`, never a throw.
 */
export type BackgroundRequest =
  | { type: 'status' }
  | { type: 'site'; url: string }
  | { type: 'flag'; flag: FlagInput }
  | { type: 'concern'; concern: ConcernInput }
  | { type: 'enrol'; code: string; relayUrl: string }
  | { type: 'ledger' }
  | { type: 'delete-local-data' }
  | { type: 'export-data' }
  | { type: 'banner'; host: string }
  | { type: 'dismiss-banner'; toolKey: string }
  | { type: 'policy-panel'; host: string }
  | { type: 'acknowledge-policy'; versionId: string }
  | { type: 'snooze-policy'; versionId: string };

/** Requests a content script (inside a web page) may make; everything else is for own pages. */
export const CONTENT_SCRIPT_REQUESTS: ReadonlySet<BackgroundRequest['type']> = new Set([
  'banner',
  'dismiss-banner',
  'policy-panel',
  'acknowledge-policy',
  'snooze-policy',
]);

export type ConnectionState = 'not-enrolled' | 'offline' | 'connecting' | 'connected';

export interface StatusResponse {
  version: string;
  installedAt: number;
  enrolled: boolean;
  workspace?: string;
  relayUrl?: string;
  connection: ConnectionState;
  /** Epoch ms of the relay's last acknowledgement of this extension's report. */
  lastSyncAt?: number;
  /** Sightings and flags recorded locally and not yet acknowledged by the relay. */
  pending: number;
  /** Why the browser's managed policy did not enrol this browser, when it tried and failed. */
  policyError?: { message: string; at: number };
}

export type ToolStatusValue = 'approved' | 'restricted' | 'banned' | 'unreviewed';

/** What the popup shows for the site in the current tab. */
export interface SiteInfo {
  /** The page's hostname; undefined for pages that have none (chrome://, file://). */
  host?: string;
  tool?: { toolKey: string; name: string; vendor: string; category: Category };
  /** The workspace's decision; undefined when not enrolled or not reviewed. */
  status?: { status: ToolStatusValue; guidance: string; alternative?: string };
}

export interface FlagInput {
  host: string;
  /** The catalog's guess (a tool id), when there is one; else the flag is for `host:<host>`. */
  toolKey?: string;
  name: string;
  purpose: string;
  dataCategories: DataCategory[];
  note: string;
}

/** An employee's concern about an AI tool, exactly as typed in the popup's form. */
export interface ConcernInput {
  /** The current site's hostname, when the concern is about it. */
  host?: string;
  /** The catalog's guess for that host, when there is one. */
  toolKey?: string;
  toolName: string;
  what: string;
  /** Only when the employee chose to give it. */
  name?: string;
}

export interface LedgerEntry {
  toolKey: string;
  toolName: string;
  host?: string;
  signal: 'visit' | 'api-call' | 'extension' | 'flag';
  embeddedIn?: string;
  at: number;
  /** Whether the relay has acknowledged it (it is in the synced report). */
  synced: boolean;
}

export interface LedgerResponse {
  entries: LedgerEntry[];
  /** What the workspace can see: the report document as synced, in plain JSON. */
  shared: unknown;
  retentionDays: number;
}

export interface BannerInfo {
  show: boolean;
  toolKey?: string;
  toolName?: string;
  status?: 'restricted' | 'banned';
  guidance?: string;
  alternative?: string;
}

/** The AI policy panel on an AI tool's page: the workspace's current version, not yet acknowledged. */
export interface PolicyPanelInfo {
  show: boolean;
  policy?: { versionId: string; number: number; title: string; summary: string; link: string };
  /** Whether the workspace uses attributed reporting: the panel says who the leads will see. */
  attributed?: boolean;
}

export type Failure = { error: string };

export function isBackgroundRequest(value: unknown): value is BackgroundRequest {
  const type = (value as { type?: unknown } | null)?.type;
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof type === 'string' &&
    [
      'status',
      'site',
      'flag',
      'concern',
      'enrol',
      'ledger',
      'delete-local-data',
      'export-data',
      'banner',
      'dismiss-banner',
      'policy-panel',
      'acknowledge-policy',
      'snooze-policy',
    ].includes(type)
  );
}
