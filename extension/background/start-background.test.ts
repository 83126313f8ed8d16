import { describe, expect, it } from 'vitest';
import { persistedNames } from '../../shared/storage/persisted-names.ts';
import { memoryKeyValueStore } from '../platform/key-value-store.ts';
import { startBackground, type RuntimeLike } from './start-background.ts';

function fakeRuntime() {
  const listeners: Parameters<RuntimeLike['onMessage']['addListener']>[0][] = [];
  const runtime: RuntimeLike = {
    getManifest: () => ({ version: '1.2.3' }),
    onMessage: { addListener: (listener) => void listeners.push(listener) },
  };
  const send = (message: unknown) =>
    new Promise<{ handled: boolean | void; response?: unknown }>((resolve) => {
      let handled: boolean | void = false;
      for (const listener of listeners) {
        handled = listener(message, {}, (response) => resolve({ handled, response }));
        if (!handled) resolve({ handled });
      }
    });
  return { runtime, listeners, send };
}

describe('background worker', () => {
  it('registers its message listener synchronously at start', () => {
    const { runtime, listeners } = fakeRuntime();
    startBackground({ runtime, storage: memoryKeyValueStore(), now: () => 1000 });
    expect(listeners).toHaveLength(1);
  });

  it('answers status with the version, a stable install time and enrolment', async () => {
    const { runtime, send } = fakeRuntime();
    const storage = memoryKeyValueStore({ [persistedNames.extensionStorageKeys.installedAt]: 42 });
    startBackground({ runtime, storage, now: () => 1000 });
    const { response } = await send({ type: 'status' });
    expect(response).toEqual({ version: '1.2.3', installedAt: 42, enrolled: false, connection: 'not-enrolled', pending: 0 });
  });

  it('records the install time once, on first start', async () => {
    const { runtime, send } = fakeRuntime();
    const storage = memoryKeyValueStore();
    startBackground({ runtime, storage, now: () => 1000 });
    await send({ type: 'status' });
    expect(storage.snapshot()[persistedNames.extensionStorageKeys.installedAt]).toBe(1000);
  });

  it('ignores messages that are not its own', async () => {
    const { runtime, send } = fakeRuntime();
    startBackground({ runtime, storage: memoryKeyValueStore(), now: () => 1 });
    expect((await send({ type: 'something-else' })).handled).toBe(false);
    expect((await send('status')).handled).toBe(false);
  });
});
