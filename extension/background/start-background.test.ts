import { describe, expect, it } from 'vitest';
import { persistedNames } from '../../shared/storage/persisted-names.ts';
import { memoryLocalLog } from '../local-log/index.ts';
import { memoryKeyValueStore } from '../platform/key-value-store.ts';
import { fakeSyncConnection } from './fake-sync-connection.ts';
import { startBackground, type RuntimeLike } from './start-background.ts';

function fakeRuntime() {
  const listeners: Parameters<RuntimeLike['onMessage']['addListener']>[0][] = [];
  const runtime: RuntimeLike = {
    getManifest: () => ({ version: '1.2.3' }),
    getURL: (path: string) => `chrome-extension://self${path}`,
    onMessage: { addListener: (listener) => void listeners.push(listener) },
  };
  const send = (message: unknown) =>
    new Promise<{ handled: boolean | void; response?: unknown }>((resolve) => {
      let handled: boolean | void = false;
      for (const listener of listeners) {
        handled = listener(message, { url: 'chrome-extension://self/popup.html' }, (response) =>
          resolve({ handled, response }),
        );
        if (!handled) resolve({ handled });
      }
    });
  return { runtime, listeners, send };
}

function deps(
  runtime: RuntimeLike,
  storage: ReturnType<typeof memoryKeyValueStore>,
  now: () => number,
) {
  return {
    runtime,
    storage,
    now,
    log: memoryLocalLog(),
    fetch: async () => ({ ok: false, status: 500, json: async () => ({}) }),
    openSync: () => fakeSyncConnection(),
    randomId: () => 'id',
  };
}

describe('background worker', () => {
  it('registers its message listener synchronously at start', () => {
    const { runtime, listeners } = fakeRuntime();
    startBackground(deps(runtime, memoryKeyValueStore(), () => 1000));
    expect(listeners).toHaveLength(1);
  });

  it('answers status with the version, a stable install time and enrolment', async () => {
    const { runtime, send } = fakeRuntime();
    const storage = memoryKeyValueStore({ [persistedNames.extensionStorageKeys.installedAt]: 42 });
    startBackground(deps(runtime, storage, () => 1000));
    const { response } = await send({ type: 'status' });
    expect(response).toEqual({
      version: '1.2.3',
      installedAt: 42,
      enrolled: false,
      connection: 'not-enrolled',
      pending: 0,
    });
  });

  it('records the install time once, on first start', async () => {
    const { runtime, send } = fakeRuntime();
    const storage = memoryKeyValueStore();
    startBackground(deps(runtime, storage, () => 1000));
    await send({ type: 'status' });
    expect(storage.snapshot()[persistedNames.extensionStorageKeys.installedAt]).toBe(1000);
  });

  it('ignores messages that are not its own', async () => {
    const { runtime, send } = fakeRuntime();
    startBackground(deps(runtime, memoryKeyValueStore(), () => 1));
    expect((await send({ type: 'something-else' })).handled).toBe(false);
    expect((await send('status')).handled).toBe(false);
  });
});

describe('messages from web pages', () => {
  it('lets a content script ask about the banner, and nothing else', async () => {
    const listeners: Parameters<RuntimeLike['onMessage']['addListener']>[0][] = [];
    const runtime: RuntimeLike = {
      getManifest: () => ({ version: '1' }),
      getURL: (path: string) => `chrome-extension://self${path}`,
      onMessage: { addListener: (listener) => void listeners.push(listener) },
    };
    startBackground(deps(runtime, memoryKeyValueStore(), () => 1));
    const fromPage = { tab: {}, url: 'https://evil.example/' };
    expect(listeners[0]!({ type: 'export-data' }, fromPage, () => {})).toBe(false);
    expect(
      listeners[0]!(
        { type: 'enrol', code: 'x', relayUrl: 'https://evil.example' },
        fromPage,
        () => {},
      ),
    ).toBe(false);
    expect(listeners[0]!({ type: 'banner', host: 'claude.ai' }, fromPage, () => {})).toBe(true);
  });
});

describe('enrolment by the browser’s policy', () => {
  it('enrols once when install, start-up and a policy change fire together', async () => {
    const { runtime, send } = fakeRuntime();
    const fire: Array<() => void> = [];
    const listener = <T extends unknown[]>() => ({
      addListener: (callback: (...args: T) => void) =>
        void fire.push(() => callback(...([] as unknown as T))),
    });
    runtime.onInstalled = listener<[unknown]>();
    runtime.onStartup = listener<[]>();
    const enrolCalls: string[] = [];
    let reporter = 0;
    const storage = memoryKeyValueStore();
    startBackground({
      ...deps(runtime, storage, () => 1000),
      fetch: async (url: string) => {
        enrolCalls.push(url);
        reporter++;
        return {
          ok: true,
          status: 200,
          json: async () => ({
            workspace: 'acme',
            reporterId: `r${reporter}`,
            token: `t${reporter}`,
            tokenId: `id${reporter}`,
            expiresAt: 2_000_000_000_000,
          }),
        };
      },
      events: {
        managedStorage: {
          get: async () => ({
            relayUrl: 'http://relay.test',
            workspace: 'acme',
            token: 'head.body.sig',
          }),
          onChanged: listener<[unknown, string]>(),
        },
      },
    });
    for (const callback of fire) callback();
    await expect
      .poll(
        async () => ((await send({ type: 'status' })).response as { enrolled: boolean }).enrolled,
      )
      .toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(enrolCalls).toEqual(['http://relay.test/api/enrol']);
  });
});

describe('a failed enrolment by policy is visible', () => {
  function start(
    managed: Record<string, unknown>,
    answer: 'refuse' | 'accept',
    stored: Record<string, unknown> = {},
  ) {
    const { runtime, send } = fakeRuntime();
    const fire: Array<() => void> = [];
    runtime.onInstalled = { addListener: (callback) => void fire.push(() => callback(undefined)) };
    const storage = memoryKeyValueStore(stored);
    startBackground({
      ...deps(runtime, storage, () => 5000),
      fetch: async () =>
        answer === 'refuse'
          ? { ok: false, status: 401, json: async () => ({ error: 'this code has expired' }) }
          : {
              ok: true,
              status: 201,
              json: async () => ({
                workspace: 'acme',
                reporterId: 'r1',
                token: 't1',
                tokenId: 'id1',
                expiresAt: 2_000_000_000_000,
              }),
            },
      events: { managedStorage: { get: async () => managed } },
    });
    for (const callback of fire) callback();
    const status = async () =>
      (await send({ type: 'status' })).response as {
        enrolled: boolean;
        policyError?: { message: string; at: number };
      };
    return { status, storage };
  }

  it('answers status with why the policy did not enrol, for the popup and the options page', async () => {
    const { status } = start(
      { relayUrl: 'ws://relay.acme.lan:8787/sync', token: 'a.b.c' },
      'refuse',
    );
    await expect
      .poll(async () => (await status()).policyError)
      .toEqual({
        message: 'the relay refused the code: this code has expired',
        at: 5000,
      });
    expect((await status()).enrolled).toBe(false);
  });

  it('says so when a policy has only half of what it needs', async () => {
    const { status } = start({ relayUrl: 'wss://relay.acme.com/sync' }, 'accept');
    await expect
      .poll(async () => (await status()).policyError?.message)
      .toBe('the policy names a relay (relayUrl) but no enrolment code (token)');
  });

  it('clears the error once the policy enrols', async () => {
    const { status } = start({ relayUrl: 'wss://relay.acme.com/sync', token: 'a.b.c' }, 'accept', {
      [persistedNames.extensionStorageKeys.policyEnrolmentError]: { message: 'old', at: 1 },
    });
    await expect.poll(async () => (await status()).enrolled).toBe(true);
    expect((await status()).policyError).toBeUndefined();
  });

  it('takes Firefox’s “no managed storage” for no policy, not a failed one', async () => {
    const { runtime, send } = fakeRuntime();
    const fire: Array<() => void> = [];
    runtime.onInstalled = { addListener: (callback) => void fire.push(() => callback(undefined)) };
    startBackground({
      ...deps(runtime, memoryKeyValueStore(), () => 5000),
      events: {
        managedStorage: {
          get: () => Promise.reject(new Error('Managed storage manifest not found')),
        },
      },
    });
    for (const callback of fire) callback();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const status = (await send({ type: 'status' })).response as { policyError?: unknown };
    expect(status.policyError).toBeUndefined();
  });
});
