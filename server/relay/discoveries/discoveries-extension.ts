import type {
  Extension,
  Hocuspocus,
  onChangePayload,
  onLoadDocumentPayload,
} from '@hocuspocus/server';
import type * as Y from 'yjs';
import {
  combineSummaries,
  writeActivity,
  writeDiscovery,
  writePolicyAckCounts,
  writeReporterConcerns,
} from '../../../shared/documents/discoveries/index.ts';
import { formatDocumentName, parseDocumentName } from '../../../shared/documents/names.ts';
import { readPolicy } from '../../../shared/documents/policy/index.ts';
import {
  readClientStatus,
  readConcerns,
  readPolicyAcks,
  readReport,
  summariseReport,
} from '../../../shared/documents/report/index.ts';
import type { DiscoveriesStorage } from '../../storage/relay-storage.ts';
import { HeldDocuments } from './held-documents.ts';
import { knownTools, trustedIdentity } from './trusted-names.ts';

/** How long a report may keep changing before its discoveries are recomputed (D3: well under 10 s). */
const SETTLE_MS = 300;
/** How long the relay keeps a workspace's discoveries and policy open after its last write to them. */
const HOLD_MS = 10_000;
/**
 * After a failed write of the discoveries (the store or the document unavailable for a moment), the
 * work taken for it waits this long, then longer, and is tried again: the reports behind it were
 * acknowledged, so dropping it would leave a tool out of the discoveries for good (D6).
 */
const RETRY_MS = [1_000, 2_000, 5_000, 10_000, 30_000];

/** What one write of a workspace's discoveries recombines: tools, and the policy counts (ACK1). */
interface Work {
  tools: Set<string>;
  acks: boolean;
  /** The reports behind it changed (not only loaded again): the activity is counted anew (D5). */
  recount: boolean;
}

interface Outbox {
  /** From reports: combined now, and once more later when relays share the store (PG3). */
  fresh: Work;
  /** That second look: combined once, not looked at again. */
  again: Work;
  concerns: Map<string, Concerns>;
  draining: boolean;
  /** Failed writes in a row (D6), for the pause before the next try. */
  failures: number;
}

const isEmpty = (work: Work) => work.tools.size === 0 && !work.acks;
const emptyWork = (): Work => ({ tools: new Set(), acks: false, recount: false });
const putBack = (into: Work, taken: Work) => {
  for (const tool of taken.tools) into.tools.add(tool);
  into.acks ||= taken.acks;
  into.recount ||= taken.recount;
};

type Concerns = ReturnType<typeof readConcerns>;

/**
 * Derives `W/discoveries` from the report documents (docs/sync.md D1–D4). When a report changes
 * (or is loaded, in case the relay stopped before deriving), its per-tool summaries replace the
 * reporter's rows in the store, and each changed tool is recombined from every reporter's row and
 * written to the discoveries document through a direct connection: the relay is its only writer.
 * With them goes the count of reporters active lately (D5).
 */
export function discoveriesExtension(
  storage: DiscoveriesStorage,
  /** `now`: the relay's clock (tests move it), which dates when a tool was first reported (DIG3). */
  options: { recheckMs?: number; now?: () => number } = {},
): Extension {
  const clock = options.now ?? Date.now;
  const { summaries, policyAcks, reporterClients } = storage;
  const pending = new Map<string, ReturnType<typeof setTimeout>>();
  // Reports loaded (not changed) since their last derivation: all their tools are written (D6).
  const reloaded = new Set<string>();
  const rechecks = new Set<ReturnType<typeof setTimeout>>();
  const running = new Set<Promise<void>>();
  const held = new HeldDocuments(HOLD_MS);

  function track(documentName: string, work: Promise<void>) {
    const logged = work.catch((error: unknown) =>
      console.error(
        `discoveries: could not derive from ${documentName}: ${(error as Error).message}`,
      ),
    );
    running.add(logged);
    void logged.finally(() => running.delete(logged));
  }

  function schedule(instance: Hocuspocus, documentName: string, document: Y.Doc, loaded: boolean) {
    const name = parseDocumentName(documentName);
    if (name?.kind !== 'reports' || name.id === undefined) return;
    clearTimeout(pending.get(documentName));
    if (loaded) reloaded.add(documentName);
    pending.set(
      documentName,
      setTimeout(() => {
        pending.delete(documentName);
        const all = reloaded.delete(documentName);
        track(documentName, derive(instance, name.workspace, name.id!, document, all));
      }, SETTLE_MS),
    );
  }

  async function derive(
    instance: Hocuspocus,
    workspace: string,
    reporterId: string,
    report: Y.Doc,
    loaded: boolean,
  ) {
    const read = readReport(report);
    // The admin's list of enrolled extensions: version and policy enrolment error (EXT1).
    await reporterClients.update(workspace, {
      reporterId,
      version: read.extensionVersion ?? null,
      policyError: readClientStatus(report).policyError ?? null,
    });
    const summary = summariseReport(read);
    const changed = await summaries.replaceReporter(workspace, reporterId, summary);
    // D6: a report loaded (an extension reconnecting, a relay restarted) writes every tool it has,
    // not only those that changed: one whose write was lost in a relay that stopped is written now
    // (a tool already right is left alone, and nothing is recounted for it).
    const unchanged = loaded
      ? summary.map((row) => row.toolKey).filter((k) => !changed.includes(k))
      : [];
    if (unchanged.length > 0)
      enqueue(instance, workspace, 'fresh', unchanged, false, undefined, false);
    // Employees' concerns go to the leads with the discoveries (docs/incidents.md I9).
    const concerns = readConcerns(report);
    // Acknowledgements of the AI policy are counted per version (docs/sync.md ACK1–ACK3).
    const acksChanged = await policyAcks.replaceReporter(
      workspace,
      reporterId,
      readPolicyAcks(report),
    );
    if (changed.length === 0 && concerns.length === 0 && !acksChanged) return;
    enqueue(instance, workspace, 'fresh', changed, acksChanged, { reporterId, concerns });
  }

  /**
   * What waits to be written to each workspace's discoveries. One write runs at a time per
   * workspace, and it takes everything queued: reports arriving together are combined together,
   * each tool read from the store once however many reporters changed it.
   */
  const outboxes = new Map<string, Outbox>();

  function enqueue(
    instance: Hocuspocus,
    workspace: string,
    which: 'fresh' | 'again',
    toolKeys: Iterable<string>,
    acks: boolean,
    from?: { reporterId: string; concerns: Concerns },
    recount = true,
  ) {
    let box = outboxes.get(workspace);
    if (!box)
      outboxes.set(
        workspace,
        (box = {
          fresh: emptyWork(),
          again: emptyWork(),
          concerns: new Map(),
          draining: false,
          failures: 0,
        }),
      );
    for (const toolKey of toolKeys) box[which].tools.add(toolKey);
    box[which].acks ||= acks;
    box[which].recount ||= recount;
    if (from) box.concerns.set(from.reporterId, from.concerns);
    if (box.draining) return;
    box.draining = true;
    track(`${workspace}/discoveries`, drain(instance, workspace, box));
  }

  async function drain(instance: Hocuspocus, workspace: string, box: Outbox) {
    let failed = false;
    try {
      while (!isEmpty(box.fresh) || !isEmpty(box.again) || box.concerns.size > 0) {
        const { fresh, again } = box;
        const concerns = new Map(box.concerns);
        box.fresh = emptyWork();
        box.again = emptyWork();
        box.concerns.clear();
        const toolKeys = [...new Set([...fresh.tools, ...again.tools])];
        try {
          await publish(instance, workspace, toolKeys, concerns, {
            acksChanged: fresh.acks || again.acks,
            recount: fresh.recount || again.recount,
          });
        } catch (error) {
          // D6: what was taken goes back (newer concerns of a reporter win), to be tried again.
          failed = true;
          putBack(box.fresh, fresh);
          putBack(box.again, again);
          for (const [reporterId, list] of concerns)
            if (!box.concerns.has(reporterId)) box.concerns.set(reporterId, list);
          throw error;
        }
        box.failures = 0;
        // PG3: with relays sharing the store, another may have combined the same tools (or
        // counted the same acknowledgements) from rows this one had not committed yet, and its
        // write may win: each relay combines what reports changed once more, when every row it
        // could have missed is committed, and writes what differs. Once: a second look is not
        // looked at again.
        if (options.recheckMs !== undefined && !isEmpty(fresh)) {
          const timer = setTimeout(() => {
            rechecks.delete(timer);
            enqueue(
              instance,
              workspace,
              'again',
              fresh.tools,
              fresh.acks,
              undefined,
              fresh.recount,
            );
          }, options.recheckMs);
          rechecks.add(timer);
        }
      }
    } finally {
      box.draining = false;
      if (failed) retryLater(instance, workspace, box);
      else if (isEmpty(box.fresh) && isEmpty(box.again) && box.concerns.size === 0)
        outboxes.delete(workspace);
    }
  }

  /** D6: the next try of a workspace's failed write, after a pause that grows with each failure. */
  function retryLater(instance: Hocuspocus, workspace: string, box: Outbox) {
    const wait = RETRY_MS[Math.min(box.failures, RETRY_MS.length - 1)]!;
    box.failures++;
    console.error(`discoveries: ${workspace}'s write will be tried again in ${wait / 1000} s`);
    const timer = setTimeout(() => {
      rechecks.delete(timer);
      if (box.draining) return; // a new report started a drain meanwhile: it takes the work
      box.draining = true;
      track(`${workspace}/discoveries`, drain(instance, workspace, box));
    }, wait);
    rechecks.add(timer);
  }

  /** Combines each tool from every reporter's row in the store, and writes it with the activity. */
  async function publish(
    instance: Hocuspocus,
    workspace: string,
    toolKeys: readonly string[],
    concerns: ReadonlyMap<string, Concerns>,
    { acksChanged, recount }: { acksChanged: boolean; recount: boolean },
  ) {
    const { attributed, known } = await policyOf(held, instance, workspace);
    const rows = await Promise.all(
      toolKeys.map(
        async (toolKey) => [toolKey, await summaries.rowsForTool(workspace, toolKey)] as const,
      ),
    );
    const now = clock();
    const recounted = recount && toolKeys.length > 0;
    const activity =
      recounted || acksChanged ? await summaries.activity(workspace, now) : undefined;
    // The acceptance rate counts against the same 30-day activity as the dashboard (ACK2).
    const ackCounts = activity
      ? await policyAcks.counts(workspace, now, activity.reporters30d, { attributed })
      : undefined;
    const discoveries = formatDocumentName({ workspace, kind: 'discoveries' });
    await held.use(instance, discoveries, (connection) =>
      connection.transact((doc) => {
        for (const [toolKey, toolRows] of rows) {
          const combined = combineSummaries(toolRows, { attributed });
          // H16: the name and category come from the catalog or the key, never from a report.
          // DIG3: a tool new to the document is dated now, by the relay, once.
          writeDiscovery(
            doc,
            toolKey,
            combined && { ...combined, ...trustedIdentity(toolKey, known) },
            { reportedAt: now },
          );
        }
        if (recounted && activity) writeActivity(doc, activity);
        for (const [reporterId, list] of concerns) writeReporterConcerns(doc, reporterId, list);
        if (ackCounts) writePolicyAckCounts(doc, ackCounts);
      }),
    );
  }

  return {
    extensionName: 'sightline-discoveries',
    async afterLoadDocument({ instance, documentName, document }: onLoadDocumentPayload) {
      schedule(instance, documentName, document, true);
    },
    async onChange({ instance, documentName, document }: onChangePayload) {
      schedule(instance, documentName, document, false);
    },
    async onDestroy() {
      for (const timer of [...pending.values(), ...rechecks]) clearTimeout(timer);
      pending.clear();
      reloaded.clear();
      rechecks.clear();
      await Promise.all(running);
      await held.closeAll();
    },
  };
}

/**
 * From the workspace's policy document: its choice of attributed reporting (D4: off unless
 * chosen) and its own tools, which name discoveries beside the built-in catalog (H16).
 */
function policyOf(held: HeldDocuments, instance: Hocuspocus, workspace: string) {
  return held.use(instance, formatDocumentName({ workspace, kind: 'policy' }), (connection) => {
    const policy = connection.document ? readPolicy(connection.document) : undefined;
    return {
      attributed: policy?.settings.attributedReporting === true,
      known: knownTools(policy?.tools ?? []),
    };
  });
}
