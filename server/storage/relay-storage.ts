import type {
  PolicyAckCount,
  ReporterActivity,
  ReporterRow,
} from '../../shared/documents/discoveries/index.ts';
import type { PolicyAck, ReporterToolSummary } from '../../shared/documents/report/index.ts';
import type { EnrolledReporters, NewToken, TokenRecord } from '../auth/token-store.ts';
import type { CheckpointInfo, Retention } from '../history/checkpoint-store.ts';
import type { ReporterClient } from '../relay/discoveries/reporter-clients.ts';
import type { IdempotencyCompletion, IdempotencyStorage } from './idempotency-storage.ts';
import type { AlertStorage } from './alert-storage.ts';

/**
 * Everything a relay keeps, behind one interface with two implementations: SQLite in the data
 * folder (one machine, the default) and Postgres (several machines; docs/deploy.md). Every method
 * is asynchronous and durable when its promise resolves (docs/sync.md PG1–PG4); the contract both
 * pass is test/integration/storage/relay-storage-contract.ts.
 */
export interface RelayStorage {
  readonly kind: 'sqlite' | 'postgres';
  /** Yjs documents: a log of updates and one snapshot per document (S1–S3, DR1, DR5). */
  documents(instance: string): DocumentStorage;
  tokens: TokenStorage;
  summaries: SummaryStorage;
  policyAcks: PolicyAckStorage;
  reporterClients: ReporterClientStorage;
  checkpoints: CheckpointStorage;
  sizes: SizeStorage;
  /** Idempotency keys of the observations API (MON7). */
  idempotency: IdempotencyStorage;
  /** Alert claims and the webhook outbox (alert-storage.ts). */
  alerts: AlertStorage;
  /** The key that signs every token (T1), made once — by whichever process asks first — and kept. */
  signingSecret(): Promise<Uint8Array>;
  close(): Promise<void>;
}

export interface LogEntry {
  document: string;
  update: Uint8Array;
}

/** One relay process's view of the document log: its entries carry its instance id (S2, R1). */
export interface DocumentStorage {
  /**
   * Appends all in one transaction — one commit — and returns their sequence numbers (DR5); marks
   * `completions` done in that same transaction (MON7).
   */
  appendMany(
    entries: readonly LogEntry[],
    completions?: readonly IdempotencyCompletion[],
  ): Promise<number[]>;
  /** The snapshot and every logged update, in order: applying them all rebuilds the document. */
  load(document: string): Promise<Uint8Array[]>;
  /** Folds this instance's entries up to `throughSeq` into the snapshot, merged with it (S2). */
  compact(document: string, state: Uint8Array, throughSeq: number): Promise<void>;
  /** A real write that needs new room; rejects while storage fails (DR3). */
  probe(): Promise<void>;
  /** How many log entries wait for compaction. */
  pendingUpdates(document: string): Promise<number>;
  /** Every stored document's name, sorted. */
  names(): Promise<string[]>;
}

export interface TokenStorage {
  add(record: NewToken): Promise<void>;
  get(id: string): Promise<TokenRecord | undefined>;
  /** Invitations and enrolment codes of a workspace, newest first (at most 1,000). */
  list(workspace: string): Promise<TokenRecord[]>;
  /** False when there is no such token, or it was already revoked. */
  revoke(id: string, at: number): Promise<boolean>;
  revokedSince(at: number): Promise<{ id: string; revokedAt: number }[]>;
  enrolled(codeId: string): Promise<EnrolledReporters>;
  reportersOf(codeId: string, limit?: number): Promise<TokenRecord[]>;
  revokeReportersOf(codeId: string, at: number): Promise<number>;
  markSeen(id: string, at: number): Promise<void>;
  count(): Promise<number>;
  /** A workspace's enrolled extensions (their own tokens), last contact first (EXT2). */
  reportersIn(workspace: string, limit: number): Promise<TokenRecord[]>;
}

/** Each reporter's per-tool summary and latest sighting (D2, D5). */
export interface SummaryStorage {
  /** Replaces one reporter's summaries in one transaction; returns the tool keys that changed. */
  replaceReporter(
    workspace: string,
    reporter: string,
    summaries: readonly ReporterToolSummary[],
  ): Promise<string[]>;
  activity(workspace: string, now: number): Promise<ReporterActivity>;
  rowsForTool(workspace: string, toolKey: string): Promise<ReporterRow[]>;
}

/** Each reporter's acknowledgements of the AI policy, counted per version (ACK1–ACK2). */
export interface PolicyAckStorage {
  /** Makes the store hold exactly this reporter's acknowledgements; whether anything changed. */
  replaceReporter(
    workspace: string,
    reporter: string,
    acks: readonly PolicyAck[],
  ): Promise<boolean>;
  /**
   * Every version's count at `now`; `active` is the 30-day count of active extensions (the
   * summaries' activity, D5). With attributed reporting, who acknowledged.
   */
  counts(
    workspace: string,
    now: number,
    active: number,
    options: { attributed: boolean },
  ): Promise<PolicyAckCount[]>;
}

/** Each enrolled extension's version and policy-enrolment error, from its report (EXT1). */
export interface ReporterClientStorage {
  /** Records what a report says; whether it was a change (and so written). */
  update(workspace: string, client: ReporterClient): Promise<boolean>;
  /** Every extension of a workspace that has reported, by reporter id. */
  ofWorkspace(workspace: string): Promise<Map<string, ReporterClient>>;
}

/** What the discoveries extension reads and writes (D2, D5, ACK1, EXT1). */
export type DiscoveriesStorage = Pick<RelayStorage, 'summaries' | 'policyAcks' | 'reporterClients'>;

/** Whole states of the shared documents, by time (DR7). */
export interface CheckpointStorage {
  /** Keeps `state` as the document at `at` unless it equals the latest; then thins by `keep`. */
  add(document: string, at: number, state: Uint8Array, keep: Retention): Promise<boolean>;
  /** Stored documents that have no checkpoint yet. */
  documentsWithout(): Promise<string[]>;
  /** Newest first. */
  list(document: string): Promise<CheckpointInfo[]>;
  atOrBefore(document: string, at: number): Promise<{ at: number; data: Uint8Array } | undefined>;
}

/** Each document's measured size, so that a workspace counts documents not loaded (H13). */
export interface SizeStorage {
  get(document: string): Promise<number>;
  workspaceTotal(workspace: string): Promise<number>;
  set(document: string, workspace: string, bytes: number): Promise<void>;
}

const DAY = 86_400_000;

/** The first UTC day counted in a window of `days` days ending today (D5). */
export function activitySince(now: number, days: number): number {
  return Math.floor(now / DAY) * DAY - (days - 1) * DAY;
}
