import { persistedNames } from '../../shared/storage/persisted-names.ts';
import type { KeyValueStore } from '../platform/key-value-store.ts';
import { isBackgroundRequest, type StatusResponse } from './messages.ts';

export interface RuntimeLike {
  getManifest(): { version: string };
  onMessage: {
    addListener(
      listener: (
        message: unknown,
        sender: unknown,
        sendResponse: (response: unknown) => void,
      ) => boolean | void,
    ): void;
  };
}

export interface BackgroundDeps {
  runtime: RuntimeLike;
  storage: KeyValueStore;
  now: () => number;
}

const keys = persistedNames.extensionStorageKeys;

/**
 * Starts the worker. Listeners are registered synchronously (MV3 wakes the worker for an event and
 * only delivers it to listeners added in the first turn); state is read from storage on demand
 * because the worker is stopped whenever it is idle.
 */
export function startBackground({ runtime, storage, now }: BackgroundDeps): void {
  runtime.onMessage.addListener((message, _sender, sendResponse) => {
    if (!isBackgroundRequest(message)) return false;
    void status(runtime, storage, now).then(sendResponse);
    return true; // the response is sent asynchronously
  });
  void ensureInstalledAt(storage, now);
}

async function ensureInstalledAt(storage: KeyValueStore, now: () => number): Promise<number> {
  const existing = await storage.get<number>(keys.installedAt);
  if (typeof existing === 'number') return existing;
  const installedAt = now();
  await storage.set(keys.installedAt, installedAt);
  return installedAt;
}

async function status(
  runtime: RuntimeLike,
  storage: KeyValueStore,
  now: () => number,
): Promise<StatusResponse> {
  return {
    version: runtime.getManifest().version,
    installedAt: await ensureInstalledAt(storage, now),
    enrolled: (await storage.get(keys.enrolment)) !== undefined,
    connection: 'not-enrolled',
    pending: 0,
  };
}
