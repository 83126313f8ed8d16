import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';

export interface TestClient {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  /** Resolves once the relay has acknowledged every local change. */
  acknowledged(): Promise<void>;
  destroy(): void;
}

/** A real Hocuspocus client, as the PWA and the extension use, connecting from Node. */
export function connectClient(syncUrl: string, name: string, token = 'none'): TestClient {
  const doc = new Y.Doc();
  const websocketProvider = new HocuspocusProviderWebsocket({ url: syncUrl, maxAttempts: 1 });
  const provider = new HocuspocusProvider({ websocketProvider, name, document: doc, token });
  provider.attach();
  return {
    doc,
    provider,
    acknowledged: () =>
      waitFor(
        () => provider.synced && !provider.hasUnsyncedChanges,
        `all changes to ${name} acknowledged`,
      ),
    destroy() {
      provider.destroy();
      websocketProvider.destroy();
    },
  };
}

/** Polls a condition until it holds, failing with a description after `timeoutMs`. */
export async function waitFor(
  condition: () => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
