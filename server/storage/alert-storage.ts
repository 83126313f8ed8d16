/**
 * What the relay keeps for alerts (docs/operations.md HOOK10–HOOK12, DIG1–): event claims kept in
 * the store every relay shares, so an event is queued once whichever relay notices it and however
 * often it restarts; and the webhook outbox, so a delivery queued or waiting for its next attempt
 * survives a restart or a kill. SQLite and Postgres implement it; the contract suite
 * (test/integration/storage/alert-storage-contract.ts) runs against both.
 */
export interface AlertStorage {
  /** Marks `key` as done: true for the first caller, on any relay, ever; false after. */
  claim(key: string, at: number): Promise<boolean>;
  /**
   * Claims each delivery's id and queues those claimed now, in one transaction: a delivery is
   * queued once, and a crash leaves it either claimed and queued or neither. Returns the ids queued.
   */
  enqueue(items: readonly NewOutboxItem[], at: number): Promise<string[]>;
  /**
   * Takes up to `limit` deliveries due at `now` that no relay holds, holding them until
   * `now + holdMs`: a relay killed during an attempt lets another retry it after that.
   */
  take(now: number, holdMs: number, limit: number): Promise<OutboxItem[]>;
  /** After a failed attempt: the next one is `attempt`, due at `nextAt`, held by nobody. */
  retryAt(id: string, attempt: number, nextAt: number): Promise<void>;
  /** Delivered, refused for good, or its webhook gone: out of the queue (its claim stays). */
  finish(id: string): Promise<void>;
  /** How many deliveries are queued. */
  pending(): Promise<number>;
  /** E-mail digest subscriptions (docs/sync.md DIG5): added, listed (all, or one workspace's), removed. */
  addDigest(digest: DigestSubscription): Promise<void>;
  digests(workspace?: string): Promise<DigestSubscription[]>;
  removeDigest(workspace: string, id: string): Promise<boolean>;
  /**
   * DIG6 Queues a subscription's digest for one period: true for the first caller, on any relay,
   * ever; false after. The row is the claim, the retry queue and the delivery log at once.
   */
  queueDigest(delivery: NewDigestDelivery, at: number): Promise<boolean>;
  /** Takes up to `limit` queued digests due at `now` that no relay holds, holding them until `now + holdMs`. */
  takeDigests(now: number, holdMs: number, limit: number): Promise<DigestDelivery[]>;
  /** Records an attempt's outcome; `queued` with `nextAt` waits for the next attempt, held by nobody. */
  settleDigest(
    subscriptionId: string,
    periodKey: string,
    outcome: { status: DigestStatus; attempt: number; nextAt: number; at: number; error?: string },
  ): Promise<void>;
  /** The delivery log of a workspace's digests, newest first. */
  digestLog(workspace: string, limit: number): Promise<DigestDelivery[]>;
  /** DIG2 What a subscription's digests for the periods before the one ending at `periodEnd` told. */
  digestCoverage(subscriptionId: string, periodEnd: number): Promise<DigestCoverage>;
}

/**
 * DIG2 Read from a subscription's earlier rows of `digest_deliveries`: `coveredUntil`, the end of
 * the latest one sent or found empty (DIG4: nothing to tell is told; absent when none was);
 * `pending`, how many are still queued, to be sent or retried.
 */
export interface DigestCoverage {
  pending: number;
  coveredUntil?: number;
}

/** The query behind `digestCoverage`, its two parameters (subscription, period end) as `$1`, `$2`. */
export const DIGEST_COVERAGE_SQL = `
  SELECT SUM(CASE WHEN status = 'queued' THEN 1 ELSE 0 END) AS pending,
         MAX(CASE WHEN status IN ('sent', 'empty') THEN period_end END) AS covered_until
  FROM digest_deliveries WHERE subscription_id = $1 AND period_end < $2`;

export function digestCoverageOf(row: {
  pending: number | string | null;
  covered_until: number | string | null;
}): DigestCoverage {
  return {
    pending: Number(row.pending ?? 0),
    ...(row.covered_until !== null ? { coveredUntil: Number(row.covered_until) } : {}),
  };
}

export const DIGEST_PERIODS = ['daily', 'weekly'] as const;
export type DigestPeriod = (typeof DIGEST_PERIODS)[number];

export interface DigestSubscription {
  id: string;
  workspace: string;
  /** One e-mail address. */
  address: string;
  every: DigestPeriod;
  createdAt: number;
  createdBy: string;
}

/** queued: to be attempted (again) at `nextAt`; sent; empty: nothing to say, not sent (DIG4); failed: out of attempts; removed: its subscription went first. */
export type DigestStatus = 'queued' | 'sent' | 'empty' | 'failed' | 'removed';

export interface NewDigestDelivery {
  subscriptionId: string;
  workspace: string;
  /** `2027-03-01` (daily) or `week-of-2027-03-01` (weekly). */
  periodKey: string;
  periodStart: number;
  periodEnd: number;
}

export interface DigestDelivery extends NewDigestDelivery {
  status: DigestStatus;
  /** Attempts made so far (0 before the first), or the next to make for a queued one taken. */
  attempt: number;
  nextAt: number;
  updatedAt: number;
  error?: string;
}

/** A stored row of `digest_subscriptions` (both stores name the columns alike). */
export interface DigestRow {
  id: string;
  workspace: string;
  address: string;
  every: string;
  created_at: number | string;
  created_by: string;
}

export const digestOf = (row: DigestRow): DigestSubscription => ({
  id: row.id,
  workspace: row.workspace,
  address: row.address,
  every: row.every as DigestPeriod,
  createdAt: Number(row.created_at),
  createdBy: row.created_by,
});

/** A stored row of `digest_deliveries`. */
export interface DigestDeliveryRow {
  subscription_id: string;
  workspace: string;
  period_key: string;
  period_start: number | string;
  period_end: number | string;
  status: string;
  attempt: number | string;
  next_at: number | string;
  updated_at: number | string;
  error: string | null;
}

export const digestDeliveryOf = (row: DigestDeliveryRow): DigestDelivery => ({
  subscriptionId: row.subscription_id,
  workspace: row.workspace,
  periodKey: row.period_key,
  periodStart: Number(row.period_start),
  periodEnd: Number(row.period_end),
  status: row.status as DigestStatus,
  attempt: Number(row.attempt),
  nextAt: Number(row.next_at),
  updatedAt: Number(row.updated_at),
  ...(row.error ? { error: row.error } : {}),
});

/** The columns of `digest_deliveries`, in both stores. */
export const DIGEST_DELIVERY_COLUMNS =
  'subscription_id, workspace, period_key, period_start, period_end, status, attempt, next_at, updated_at, error';

export interface NewOutboxItem {
  /** `<webhook id>/<event id>`: one event to one webhook. */
  id: string;
  workspace: string;
  webhookId: string;
  /** The event body as JSON (payloads.ts WebhookEventBody). */
  event: string;
}

export interface OutboxItem extends NewOutboxItem {
  /** The number of the attempt to make now (1 for the first). */
  attempt: number;
  nextAt: number;
}

/** A stored row of `webhook_outbox` as `take` returns it (Postgres gives BIGINT as a string). */
export interface OutboxRow {
  id: string;
  workspace: string;
  webhook_id: string;
  event: string;
  attempt: number | string;
  next_at: number | string;
}

/** The deliveries a relay took, as items, in the order to attempt them: earliest due, then id. */
export const outboxItemsOf = (rows: readonly OutboxRow[]): OutboxItem[] =>
  rows
    .map((row) => ({
      id: row.id,
      workspace: row.workspace,
      webhookId: row.webhook_id,
      event: row.event,
      attempt: Number(row.attempt),
      nextAt: Number(row.next_at),
    }))
    .sort((a, b) => a.nextAt - b.nextAt || (a.id < b.id ? -1 : 1));

/** How long a relay holds a delivery it is attempting: far more than one attempt's timeout. */
export const OUTBOX_HOLD_MS = 60_000;
