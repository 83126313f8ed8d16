import { builtInCatalog, CATALOG_VERSION } from '../../shared/catalog/catalog.ts';
import type { ToolEntry } from '../../shared/catalog/schema.ts';
import { HIGH_SCORE } from '../../shared/catalog/likely-ai/likely-ai.ts';
import { compileMatcher, type Matcher } from '../../shared/detection/matcher.ts';
import { withLikelyAi } from '../../shared/detection/with-likely-ai.ts';
import { readPolicy } from '../../shared/documents/policy/index.ts';
import {
  addConcern,
  addFlag,
  readReport,
  recordSightings,
  setClientStatus,
  setReportMeta,
  type ReportConcern,
  type ReportFlag,
  type Sighting,
} from '../../shared/documents/report/index.ts';
import { concernFromInput } from './concern-input.ts';
import { AccountKinds } from './account-kinds.ts';
import { PolicyPanel } from './policy-panel.ts';
import { bannerFor, exportJson, flagFromInput, ledgerFrom, withDismissal } from './answers.ts';
import { persistedNames } from '../../shared/storage/persisted-names.ts';
import {
  sightingFromNavigation,
  sightingFromRequest,
  sightingsFromExtensions,
  webHostname,
} from '../detection/index.ts';
import {
  enrolWithCode,
  loadEnrolment,
  loadPolicyError,
  saveEnrolment,
  type Enrolment,
  type FetchLike,
} from '../enrolment/enrolment.ts';
import { withoutBookkeeping, type LocalLog } from '../local-log/index.ts';
import type { KeyValueStore } from '../platform/key-value-store.ts';
import type { SyncConnection } from '../sync/sync-connection.ts';
import type {
  BannerInfo,
  ConcernInput,
  FlagInput,
  LedgerResponse,
  PolicyPanelInfo,
  SiteInfo,
  StatusResponse,
} from './messages.ts';

export interface ServiceDeps {
  version: string;
  storage: KeyValueStore;
  log: LocalLog;
  fetch: FetchLike;
  openSync: (enrolment: Enrolment) => SyncConnection;
  now: () => number;
  /**
   * Runs `work` after `ms` while the worker lives; with `backstop`, an alarm also wakes the worker
   * to do it if the worker was stopped first (only for sending data: an idle timer needs none).
   */
  schedule: (ms: number, work: () => void, options?: { backstop?: boolean }) => void;
  randomId: () => string;
  /** Told the workspace's own tools whenever the policy (re)loads: they get banners too. */
  onWorkspaceTools?: (tools: ToolEntry[]) => void;
}

const keys = persistedNames.extensionStorageKeys;
/** A tool the report has not seen yet travels at once (D3: a lead sees it within seconds)... */
export const NEW_TOOL_FLUSH_MS = 2_000;
/** ...while repeat visits wait and travel together: a day of browsing costs a few updates. */
export const REPEAT_FLUSH_MS = 5 * 60_000;
const RETENTION_DAYS = 30;
/** When the relay does not acknowledge a flush, the next try comes this much later. */
export const RETRY_FLUSH_MS = 60_000;
/** After this long with nothing to send, the socket closes so the worker can sleep. */
export const IDLE_AFTER_MS = 30_000;
const ACK_WAIT_MS = 8_000;

/**
 * The background worker's behaviour, with every browser API passed in: detection into the local
 * log, folding the log into this extension's report document, and the answers to the popup,
 * options page and banner. Reloaded on every wake of the MV3 worker, so it keeps no state that
 * storage does not.
 */
export class BackgroundService {
  readonly #deps: ServiceDeps;
  #sync: SyncConnection | undefined;
  #enrolment: Enrolment | undefined;
  #matcher: Matcher;
  /** The matcher for visits: with the likely-AI tier behind it, at the high score only. */
  #visitMatcher: { of: Matcher; matcher: Matcher } | undefined;
  #policyVersion = -1;
  #flushing: Promise<void> | undefined;
  #lastActivity = 0;
  /** Tool keys already reported or on their way: read from the report once per wake, not per visit. */
  #known: Set<string> | undefined;
  readonly #ready: Promise<void>;
  readonly #policyPanel: PolicyPanel;
  readonly #accountKinds: AccountKinds;

  constructor(deps: ServiceDeps) {
    this.#deps = deps;
    this.#policyPanel = new PolicyPanel(deps.storage, deps.now);
    this.#accountKinds = new AccountKinds(deps.storage, deps.now);
    this.#matcher = compileMatcher(builtInCatalog());
    this.#ready = this.#start();
  }

  async #start() {
    const enrolment = await loadEnrolment(this.#deps.storage);
    if (enrolment) await this.#connect(enrolment);
  }

  async #connect(enrolment: Enrolment) {
    this.#sync?.destroy();
    this.#enrolment = enrolment;
    this.#sync = this.#deps.openSync(enrolment);
    this.#known = undefined;
    const sync = this.#sync;
    sync.onAcknowledged(() => {
      if (this.#sync === sync) void this.#deps.storage.set(keys.lastSyncAt, this.#deps.now());
    });
    await sync.ready;
    const announceTools = () => this.#deps.onWorkspaceTools?.(readPolicy(sync.policy).tools);
    let announcing: ReturnType<typeof setTimeout> | undefined;
    sync.policy.on('update', () => {
      this.#policyVersion = -1;
      clearTimeout(announcing);
      announcing = setTimeout(announceTools, 500);
    });
    announceTools();
  }

  /** The catalog plus the workspace's own tools from its policy, recompiled when the policy changes. */
  matcher(): Matcher {
    const policy = this.#sync?.policy;
    if (policy && this.#policyVersion === -1) {
      this.#matcher = compileMatcher(builtInCatalog(), readPolicy(policy).tools);
      this.#policyVersion = 0;
    }
    return this.#matcher;
  }

  /**
   * A visit to a host the catalog does not know is recorded only when its name alone scores high
   * (docs/privacy.md: the rule reads the hostname, nothing else); requests and the popup use the
   * catalog only.
   */
  #visits(): Matcher {
    const matcher = this.matcher();
    if (this.#visitMatcher?.of !== matcher)
      this.#visitMatcher = { of: matcher, matcher: withLikelyAi(matcher, HIGH_SCORE) };
    return this.#visitMatcher.matcher;
  }

  ready(): Promise<void> {
    return this.#ready;
  }

  #knownTools(): Set<string> {
    this.#known ??= new Set(
      this.#sync ? readReport(this.#sync.report).tools.map((tool) => tool.toolKey) : [],
    );
    return this.#known;
  }

  // ---- detection -------------------------------------------------------------------------------

  async onNavigation(details: { url: string; frameId: number; timeStamp: number }) {
    await this.#ready;
    const sighting = sightingFromNavigation(details, this.#visits());
    if (sighting) await this.#record([sighting]);
  }

  async onRequest(details: {
    url: string;
    initiator?: string;
    type: string;
    timeStamp: number;
    tabId: number;
  }) {
    await this.#ready;
    const sighting = sightingFromRequest(details, this.matcher());
    if (sighting) await this.#record([sighting]);
  }

  async onExtensions(
    list: Array<{
      id: string;
      name: string;
      description?: string;
      enabled: boolean;
      type?: string;
    }>,
    selfId: string,
  ) {
    await this.#ready;
    const found = sightingsFromExtensions(list, this.matcher(), selfId, this.#deps.now()).map(
      (item) => item.sighting,
    );
    if (found.length > 0) await this.#record(found);
  }

  async #record(sightings: Sighting[]) {
    await this.#deps.log.add(sightings);
    const known = this.#knownTools();
    const isNew = sightings.some((sighting) => !known.has(sighting.toolKey));
    for (const sighting of sightings) known.add(sighting.toolKey);
    this.#deps.schedule(isNew ? NEW_TOOL_FLUSH_MS : REPEAT_FLUSH_MS, () => void this.flush());
  }

  /**
   * Folds what the local log holds into the report and waits for the relay's acknowledgement.
   * Not enrolled: nothing leaves the browser, and the log keeps it all locally.
   */
  flush(): Promise<void> {
    this.#flushing ??= this.#flush().finally(() => (this.#flushing = undefined));
    return this.#flushing;
  }

  /** Something needs the relay: open the socket, and plan to close it once all is quiet. */
  #active() {
    const sync = this.#sync;
    if (!sync) return;
    sync.wake();
    this.#lastActivity = this.#deps.now();
    this.#deps.schedule(
      IDLE_AFTER_MS,
      () => {
        // Unacknowledged changes keep the socket open (and its reconnects going) until they land.
        const quiet = this.#deps.now() - this.#lastActivity >= IDLE_AFTER_MS;
        if (quiet && !this.#flushing && sync.isAcknowledged()) sync.sleep();
      },
      { backstop: false },
    );
  }

  async #flush() {
    await this.#ready;
    const sync = this.#sync;
    const enrolment = this.#enrolment;
    if (!sync || !enrolment) return;
    this.#active();
    const now = this.#deps.now();
    setReportMeta(sync.report, {
      reporterId: enrolment.reporterId,
      extensionVersion: this.#deps.version,
      catalogVersion: CATALOG_VERSION,
    });
    // The admin's enrolment page lists a policy that failed (docs/extension.md, "Enrolment").
    const policyError = await loadPolicyError(this.#deps.storage);
    try {
      setClientStatus(sync.report, policyError ? { policyError } : {});
    } catch (error) {
      console.warn(`sightline: policy error not reported: ${(error as Error).message}`);
    }
    for (;;) {
      const pending = await this.#deps.log.pending(500);
      if (pending.length === 0) break;
      recordSightings(sync.report, pending.map(withoutBookkeeping));
      await this.#deps.log.markSynced(
        pending.map((entry) => entry.id),
        now,
      );
    }
    const flags = (await this.#deps.storage.get<ReportFlag[]>(keys.pendingFlags)) ?? [];
    for (const flag of flags) addFlag(sync.report, flag);
    if (flags.length > 0) await this.#deps.storage.remove(keys.pendingFlags);
    const concerns = (await this.#deps.storage.get<ReportConcern[]>(keys.pendingConcerns)) ?? [];
    for (const concern of concerns) addConcern(sync.report, concern);
    if (concerns.length > 0) await this.#deps.storage.remove(keys.pendingConcerns);
    await this.#policyPanel.flushInto(sync.report);
    await this.#accountKinds.flushInto(sync.report);
    if (await sync.acknowledged(ACK_WAIT_MS)) {
      await this.#deps.storage.set(keys.lastSyncAt, this.#deps.now());
    } else {
      // The relay did not answer: try again later, with an alarm in case the worker is stopped.
      this.#deps.schedule(RETRY_FLUSH_MS, () => void this.flush());
    }
    await this.#deps.log.prune(this.#deps.now());
  }

  // ---- answers to pages ------------------------------------------------------------------------

  /** `installedAt` may still be on its way from storage: it is read alongside the rest. */
  async status(installedAt: number | Promise<number>): Promise<StatusResponse> {
    await this.#ready;
    this.#active(); // the popup is open: show a live connection
    const enrolment = this.#enrolment;
    // All at once: the popup's first render waits for this answer, and each read is a round trip.
    const { storage, log } = this.#deps;
    const [installed, lastSyncAt, flags, concerns, policyError, pendingLog, policyAcks] =
      await Promise.all([
        installedAt,
        storage.get<number>(keys.lastSyncAt),
        storage.get<unknown[]>(keys.pendingFlags),
        storage.get<unknown[]>(keys.pendingConcerns),
        loadPolicyError(storage),
        log.countPending(),
        this.#policyPanel.waiting(),
      ]);
    return {
      version: this.#deps.version,
      installedAt: installed,
      enrolled: enrolment !== undefined,
      ...(enrolment ? { workspace: enrolment.workspace, relayUrl: enrolment.relayUrl } : {}),
      connection: this.#sync ? this.#sync.state() : 'not-enrolled',
      ...(typeof lastSyncAt === 'number' ? { lastSyncAt } : {}),
      ...(policyError ? { policyError } : {}),
      pending:
        pendingLog +
        (flags ?? []).length +
        (concerns ?? []).length +
        policyAcks +
        (await this.#unacknowledged(lastSyncAt)),
    };
  }

  /** Entries folded into the report after the relay's last acknowledgement (0 when it has them all). */
  async #unacknowledged(lastSyncAt: number | undefined): Promise<number> {
    if (!this.#sync || this.#sync.isAcknowledged()) return 0;
    const entries = await this.#deps.log.entries({ limit: 20_000 });
    return entries.filter((entry) => entry.synced && (entry.syncedAt ?? 0) > (lastSyncAt ?? 0))
      .length;
  }

  async site(url: string): Promise<SiteInfo> {
    await this.#ready;
    const host = webHostname(url);
    if (!host) return {};
    const match = this.matcher().matchHostname(host);
    const info: SiteInfo = { host };
    if (!match) return info;
    const tool = this.matcher().tool(match.toolId);
    info.tool = {
      toolKey: match.toolId,
      name: match.toolName,
      vendor: tool?.vendor ?? '',
      category: match.category,
    };
    const status = this.#sync
      ? readPolicy(this.#sync.policy).statuses.get(match.toolId)
      : undefined;
    if (status)
      info.status = {
        status: status.status,
        guidance: status.guidance,
        ...(status.alternative ? { alternative: status.alternative } : {}),
      };
    return info;
  }

  async flag(input: FlagInput): Promise<{ ok: true } | { error: string }> {
    await this.#ready;
    const flag = flagFromInput(input, this.matcher(), this.#deps.randomId(), this.#deps.now());
    if ('error' in flag) return flag;
    const flags = (await this.#deps.storage.get<ReportFlag[]>(keys.pendingFlags)) ?? [];
    await this.#deps.storage.set(keys.pendingFlags, [...flags, flag]);
    this.#deps.schedule(0, () => void this.flush());
    return { ok: true };
  }

  /** Keeps the employee's concern until it is written into the report (docs/incidents.md). */
  async concern(input: ConcernInput): Promise<{ ok: true } | { error: string }> {
    await this.#ready;
    const concern = concernFromInput(input, this.#deps.randomId(), this.#deps.now());
    if ('error' in concern) return concern;
    const concerns = (await this.#deps.storage.get<ReportConcern[]>(keys.pendingConcerns)) ?? [];
    await this.#deps.storage.set(keys.pendingConcerns, [...concerns, concern]);
    this.#deps.schedule(0, () => void this.flush());
    return { ok: true };
  }

  async enrol(
    code: string,
    relayUrl: string,
  ): Promise<{ ok: true; workspace: string } | { error: string }> {
    try {
      const enrolment = await enrolWithCode(code, relayUrl, this.#deps.fetch);
      await saveEnrolment(this.#deps.storage, enrolment);
      await this.#connect(enrolment);
      this.#deps.schedule(0, () => void this.flush());
      return { ok: true, workspace: enrolment.workspace };
    } catch (error) {
      return { error: (error as Error).message };
    }
  }

  /** Used at start-up when the browser's policy enrols this extension. */
  async adoptEnrolment(enrolment: Enrolment) {
    await this.#ready;
    if (this.#enrolment?.token === enrolment.token) return;
    await this.#connect(enrolment);
    this.#deps.schedule(0, () => void this.flush());
  }

  async ledger(): Promise<LedgerResponse> {
    await this.#ready;
    const lastSyncAt = (await this.#deps.storage.get<number>(keys.lastSyncAt)) ?? 0;
    const entries = await this.#deps.log.entries({ limit: 1000 });
    return ledgerFrom(
      entries,
      lastSyncAt,
      this.#sync ? this.#sync.report.toJSON() : null,
      RETENTION_DAYS,
    );
  }

  async deleteLocalData(): Promise<{ ok: true }> {
    await this.#deps.log.clear();
    await this.#deps.storage.remove(keys.bannerDismissals);
    return { ok: true };
  }

  async exportData(): Promise<{ json: string }> {
    return { json: exportJson(this.#deps.now(), this.#enrolment, await this.ledger()) };
  }

  async banner(hostText: string): Promise<BannerInfo> {
    await this.#ready;
    this.#active(); // a fresh policy for the next page
    const site = await this.site(`https://${hostText}/`);
    const dismissals =
      (await this.#deps.storage.get<Record<string, string>>(keys.bannerDismissals)) ?? {};
    return bannerFor(site, dismissals, this.#deps.now());
  }

  /** The AI policy panel for an AI tool's page: reads the hostname only (docs/extension.md). */
  async policyPanel(hostText: string): Promise<PolicyPanelInfo> {
    await this.#ready;
    this.#active(); // a fresh policy for the next page
    const isAiTool = this.matcher().matchHostname(String(hostText).slice(0, 253)) !== undefined;
    const sync = this.#sync;
    return this.#policyPanel.info(sync && { policy: sync.policy, report: sync.report }, isAiTool);
  }

  async acknowledgePolicy(versionId: string): Promise<{ ok: true } | { error: string }> {
    await this.#ready;
    const result = await this.#policyPanel.acknowledge(this.#sync?.policy, versionId);
    if ('ok' in result) this.#deps.schedule(0, () => void this.flush());
    return result;
  }

  /**
   * The account signed in to an AI tool, from a source that respects the privacy promise: only
   * its kind is kept (docs/extension.md, "Corporate or personal account"). No source calls it yet.
   */
  async onSignedInAccount(toolKey: string, address: string | undefined) {
    await this.#ready;
    const kind = await this.#accountKinds.note(this.#sync?.policy, toolKey, address);
    this.#deps.schedule(REPEAT_FLUSH_MS, () => void this.flush());
    return kind;
  }

  async snoozePolicy(versionId: string): Promise<{ ok: true }> {
    return this.#policyPanel.snooze(versionId);
  }

  async dismissBanner(toolKey: string): Promise<{ ok: true }> {
    const dismissals =
      (await this.#deps.storage.get<Record<string, string>>(keys.bannerDismissals)) ?? {};
    await this.#deps.storage.set(
      keys.bannerDismissals,
      withDismissal(dismissals, toolKey, this.#deps.now()),
    );
    return { ok: true };
  }
}
