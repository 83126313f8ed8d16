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
}

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

/** How long a relay holds a delivery it is attempting: far more than one attempt's timeout. */
export const OUTBOX_HOLD_MS = 60_000;
