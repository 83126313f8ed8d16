import type * as Y from 'yjs';
import type { WorkspaceNotification } from '../../../shared/notifications/notification.ts';
import type { WorkspaceSync } from '../sync/workspace-sync.ts';
import type { Me } from './me.ts';
import type { Derivations, NotificationDocs } from './notification-sources.ts';
import { holdListedAssessments } from './hold-assessments.ts';
import { deadlineOf } from './when.ts';

/** Changes closer together than this are derived once (a sync burst is many transactions). */
export const SETTLE_MS = 150;
/** Due-soon windows move with the clock: derive again at least this often while shown. */
export const CLOCK_MS = 60 * 60_000;
/** setTimeout's longest wait. */
const MAX_TIMER = 2 ** 31 - 1;

export interface FeedSnapshot {
  all: readonly WorkspaceNotification[];
  /** The time the derivation used: due and overdue are judged against it. */
  now: number;
  /** Sources that threw, by message: shown, never hiding the others' results. */
  problems: readonly string[];
  /** The derivations' code is still loading: nothing is known yet (not "nothing concerns you"). */
  loading?: true;
  /** Mine among `all` (NTF-UI1); none while loading. */
  select(all: readonly WorkspaceNotification[], me: Me): WorkspaceNotification[];
}

export interface NotificationFeed {
  snapshot(): FeedSnapshot;
  subscribe(listener: () => void): () => void;
  /** Derives again on this document's changes too (an assessment opened later); returns the undo. */
  watch(doc: Y.Doc): () => void;
  /** Derives again soon, as after a change (a document's local copy arrived). */
  refresh(): void;
}

export interface FeedOptions {
  /** By default loaded on first use, in their own chunk: the first screen does not carry them. */
  derivations?: Derivations;
  clock?: () => number;
  /** Runs while someone listens (from the first listener to the last): returns its stop. */
  activate?: (feed: NotificationFeed) => () => void;
}

/**
 * Every notification of a workspace, derived live (NTF-UI4): the feed observes its documents'
 * transactions (no polling of documents) and derives again, once per burst of changes, when
 * someone looks. A clock timer derives again when the first due time passes, or hourly, since
 * "due soon" and "overdue" change with time alone.
 */
export function createNotificationFeed(
  docs: NotificationDocs,
  options: FeedOptions = {},
): NotificationFeed {
  let derivations = options.derivations;
  let loading: Promise<void> | undefined;
  const load = () =>
    (loading ??= import('./notification-sources.ts').then(
      (module) => {
        derivations = module.DERIVATIONS;
        stale();
      },
      (error: unknown) => {
        // An update replaced the chunk, or the device went offline before it was cached.
        const failed = error instanceof Error ? error : new Error(String(error));
        const source = () => {
          throw failed;
        };
        derivations = { sources: [source], select: () => [] };
        stale();
      },
    ));
  const clock = options.clock ?? Date.now;
  const listeners = new Set<() => void>();
  let current: FeedSnapshot | undefined;
  let settle: ReturnType<typeof setTimeout> | undefined;
  let tick: ReturnType<typeof setTimeout> | undefined;
  let deactivate: (() => void) | undefined;

  const stale = () => {
    current = undefined;
    listeners.forEach((listener) => listener());
  };
  const refresh = () => {
    if (listeners.size === 0) return void (current = undefined); // derived when next looked at
    if (settle !== undefined) return;
    settle = setTimeout(() => {
      settle = undefined;
      stale();
    }, SETTLE_MS);
  };
  const changed = (transaction: Y.Transaction) => {
    if (transaction.changed.size > 0) refresh();
  };
  const schedule = (snapshot: FeedSnapshot) => {
    if (tick !== undefined) clearTimeout(tick);
    if (listeners.size === 0) return;
    const next = Math.min(
      snapshot.now + CLOCK_MS,
      ...snapshot.all.flatMap((n) => {
        const deadline = deadlineOf(n);
        return deadline !== undefined && deadline > snapshot.now ? [deadline] : [];
      }),
    );
    tick = setTimeout(stale, Math.min(Math.max(next - clock(), 0) + 1, MAX_TIMER));
  };
  const derive = (): FeedSnapshot => {
    const now = clock();
    if (!derivations) {
      void load();
      return { all: [], now, problems: [], loading: true, select: () => [] };
    }
    const { sources, select } = derivations;
    const all: WorkspaceNotification[] = [];
    const problems: string[] = [];
    for (const source of sources) {
      try {
        all.push(...source(docs, now));
      } catch (error) {
        problems.push(error instanceof Error ? error.message : String(error));
      }
    }
    const snapshot = { all, now, problems, select };
    schedule(snapshot);
    return snapshot;
  };
  const watch = (doc: Y.Doc) => {
    doc.on('afterTransaction', changed);
    return () => doc.off('afterTransaction', changed);
  };
  // Observed for the feed's whole life (as long as its documents'), so that a change made while
  // nobody looked is known; deriving waits until someone does.
  if (docs.registry) watch(docs.registry);

  const feed: NotificationFeed = {
    snapshot: () => (current ??= derive()),
    subscribe(listener) {
      listeners.add(listener);
      if (listeners.size === 1) {
        if (current) schedule(current);
        deactivate = options.activate?.(feed);
      }
      return () => {
        listeners.delete(listener);
        if (listeners.size > 0) return;
        [settle, tick].forEach((timer) => timer !== undefined && clearTimeout(timer));
        settle = tick = undefined;
        deactivate?.();
        deactivate = undefined;
      };
    },
    watch,
    refresh,
  };
  return feed;
}

const feeds = new WeakMap<WorkspaceSync, NotificationFeed>();

/**
 * The one feed of a workspace's sync, shared by the bell and the page. While it is shown it holds
 * the workspace's assessments (their reviewers and section assignees are in their own documents).
 */
export function feedFor(sync: WorkspaceSync): NotificationFeed {
  let feed = feeds.get(sync);
  if (!feed) {
    const assessments = new Map<string, Y.Doc>();
    const registry = sync.doc('registry');
    feed = createNotificationFeed(
      { registry, assessments },
      {
        activate: (live) =>
          holdListedAssessments({ sync, registry, into: assessments, feed: live }),
      },
    );
    feeds.set(sync, feed);
  }
  return feed;
}
