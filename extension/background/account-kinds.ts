import type * as Y from 'yjs';
import { accountKind, type AccountKind } from '../../shared/accounts/account-kind.ts';
import { readAccountDomains } from '../../shared/documents/policy/index.ts';
import { recordAccountKind } from '../../shared/documents/report/index.ts';
import { persistedNames } from '../../shared/storage/persisted-names.ts';
import type { KeyValueStore } from '../platform/key-value-store.ts';

const keys = persistedNames.extensionStorageKeys;

interface PendingKind {
  toolKey: string;
  kind: AccountKind;
  at: number;
}

/**
 * Corporate or personal account (docs/extension.md, "Corporate or personal account"): given the
 * address of the account signed in to an AI tool, keeps only its kind — compared with the
 * workspace's domains here, on the device — until the next flush writes it into the report. The
 * address is never stored, logged or sent. No source of addresses is wired yet: the vendors
 * document none that the privacy promise allows (the page explains why); this is the one door a
 * future source goes through, so that it cannot do otherwise.
 */
export class AccountKinds {
  readonly #storage: KeyValueStore;
  readonly #now: () => number;

  constructor(storage: KeyValueStore, now: () => number) {
    this.#storage = storage;
    this.#now = now;
  }

  /** Classifies `address` for `toolKey` against the policy's domains and keeps the kind alone. */
  async note(policy: Y.Doc | undefined, toolKey: string, address: string | undefined) {
    const kind = accountKind(address, policy ? readAccountDomains(policy) : []);
    const pending = (await this.#storage.get<PendingKind[]>(keys.pendingAccountKinds)) ?? [];
    await this.#storage.set(keys.pendingAccountKinds, [
      ...pending.filter((p) => p.toolKey !== toolKey || p.kind !== kind).slice(-200),
      { toolKey, kind, at: this.#now() },
    ]);
    return kind;
  }

  /** Writes the waiting kinds into the report; how many there were. */
  async flushInto(report: Y.Doc): Promise<number> {
    const pending = (await this.#storage.get<PendingKind[]>(keys.pendingAccountKinds)) ?? [];
    for (const { toolKey, kind, at } of pending) recordAccountKind(report, toolKey, kind, at);
    if (pending.length > 0) await this.#storage.remove(keys.pendingAccountKinds);
    return pending.length;
  }
}
