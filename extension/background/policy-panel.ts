import type * as Y from 'yjs';
import { readPolicy, readPublishedAiPolicy } from '../../shared/documents/policy/index.ts';
import { acknowledgePolicy, readPolicyAcks } from '../../shared/documents/report/index.ts';
import { persistedNames } from '../../shared/storage/persisted-names.ts';
import type { KeyValueStore } from '../platform/key-value-store.ts';
import type { PolicyPanelInfo } from './messages.ts';

const keys = persistedNames.extensionStorageKeys;

/** An acknowledgement made in the panel, kept until it is written into the report. */
export interface PendingPolicyAck {
  versionId: string;
  number: number;
  at: number;
}

interface Snooze {
  versionId: string;
  day: string;
}

const utcDay = (at: number) => new Date(at).toISOString().slice(0, 10);

/**
 * The AI policy panel (docs/extension.md, "The AI policy panel"): shown on an AI tool's page
 * while the workspace's current policy version is neither acknowledged by this extension nor put
 * off today. Everything it decides on is the extension's own state: the policy document, this
 * extension's report and its storage — never the page.
 */
export class PolicyPanel {
  readonly #storage: KeyValueStore;
  readonly #now: () => number;

  constructor(storage: KeyValueStore, now: () => number) {
    this.#storage = storage;
    this.#now = now;
  }

  async #pending(): Promise<PendingPolicyAck[]> {
    return (await this.#storage.get<PendingPolicyAck[]>(keys.pendingPolicyAcks)) ?? [];
  }

  async #acknowledged(report: Y.Doc, versionId: string): Promise<boolean> {
    if (readPolicyAcks(report).some((ack) => ack.versionId === versionId)) return true;
    return (await this.#pending()).some((ack) => ack.versionId === versionId);
  }

  /** What the panel shows on an AI tool's page (`isAiTool`: the host matched a tool). */
  async info(docs: { policy: Y.Doc; report: Y.Doc } | undefined, isAiTool: boolean) {
    const none: PolicyPanelInfo = { show: false };
    if (!docs || !isAiTool) return none;
    const { policy } = readPublishedAiPolicy(docs.policy);
    if (!policy) return none;
    if (await this.#acknowledged(docs.report, policy.versionId)) return none;
    const snooze = await this.#storage.get<Snooze>(keys.policyPanelSnooze);
    if (snooze?.versionId === policy.versionId && snooze.day === utcDay(this.#now())) return none;
    const { versionId, number, title, summary, link } = policy;
    const attributed = readPolicy(docs.policy).settings.attributedReporting;
    return { show: true, policy: { versionId, number, title, summary, link }, attributed };
  }

  /**
   * The employee acknowledged: kept at once (the panel does not come back), written into the
   * report at the next flush. Only the version published now can be acknowledged.
   */
  async acknowledge(policyDoc: Y.Doc | undefined, versionId: string) {
    const policy = policyDoc && readPublishedAiPolicy(policyDoc).policy;
    if (!policy || policy.versionId !== versionId) {
      return { error: 'this is not the workspace’s current AI policy' };
    }
    const pending = await this.#pending();
    if (!pending.some((ack) => ack.versionId === versionId)) {
      const ack: PendingPolicyAck = { versionId, number: policy.number, at: this.#now() };
      await this.#storage.set(keys.pendingPolicyAcks, [...pending, ack]);
    }
    return { ok: true as const };
  }

  /** "Not now": the panel stays away for the rest of the day (UTC), and nothing is counted. */
  async snooze(versionId: string) {
    const snooze: Snooze = { versionId: String(versionId).slice(0, 64), day: utcDay(this.#now()) };
    await this.#storage.set(keys.policyPanelSnooze, snooze);
    return { ok: true as const };
  }

  /** Writes the waiting acknowledgements into the report; how many were waiting. */
  async flushInto(report: Y.Doc): Promise<number> {
    const pending = await this.#pending();
    for (const ack of pending) acknowledgePolicy(report, ack);
    if (pending.length > 0) await this.#storage.remove(keys.pendingPolicyAcks);
    return pending.length;
  }

  async waiting(): Promise<number> {
    return (await this.#pending()).length;
  }
}
