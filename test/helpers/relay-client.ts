import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { withClientReads } from '../../shared/documents/client-reads.ts';

export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves once the relay has acknowledged every local change (fails after `timeoutMs`). */
  acknowledged(timeoutMs?: number): Promise<void>;
  /** How the relay answered: a scope once authenticated, or the refusal's reason. */
  outcome(): Promise<{ scope: 'read-write' | 'readonly' | string } | { refused: string }>;
  destroy(): void;
}

/** A real Hocuspocus client, as the PWA and the extension use, connecting from Node. */
export function connectClient(
  syncUrl: string,
  name: string,
  token: string,
  doc = new Y.Doc(),
  /** `reads`: what the client declares it can read (docs/sync.md S5); this code's by default. */
  options: { reconnect?: boolean; reads?: string | null } = {},
): TestClient {
  const url =
    options.reads === null ? syncUrl : withClientReads(syncUrl, options.reads ?? undefined);
  // By default one attempt, so a refusal is final; `reconnect` retries quickly forever, as real clients do.
  const websocketProvider = new HocuspocusProviderWebsocket(
    options.reconnect
      ? {
          url,
          maxAttempts: 0,
          delay: 50,
          minDelay: 50,
          maxDelay: 400,
          factor: 1.5,
          jitter: false,
        }
      : { url, maxAttempts: 1 },
  );
  const provider = new HocuspocusProvider({ websocketProvider, name, document: doc, token });
  const outcome = new Promise<{ scope: string } | { refused: string }>((resolve) => {
    provider.on('authenticated', ({ scope }: { scope: string }) => resolve({ scope }));
    provider.on('authenticationFailed', ({ reason }: { reason: string }) =>
      resolve({ refused: reason }),
    );
  });
  provider.attach();
  return {
    doc,
    provider,
    acknowledged: (timeoutMs?: number) =>
      waitFor(
        () => provider.synced && !provider.hasUnsyncedChanges,
        `all changes to ${name} acknowledged`,
        timeoutMs,
      ),
    outcome: () => withTimeout(outcome, 10_000, `the relay's answer for ${name}`),
    destroy() {
      provider.destroy();
      websocketProvider.destroy();
    },
  };
}

/** Polls a condition until it holds, failing with a description after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean,
  what: string | (() => string),
  timeoutMs = 10_000,
): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) {
      throw new Error(`timed out waiting for ${typeof what === 'string' ? what : what()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  return Promise.race([
    promise,
    new Promise<T>((_, reject) =>
      setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), ms).unref(),
    ),
  ]);
}
