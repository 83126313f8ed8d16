import { describe, expect, it } from 'vitest';
import { startBackground, type RuntimeLike } from '../../extension/background/start-background.ts';
import { fakeSyncConnection } from '../../extension/background/fake-sync-connection.ts';
import { BASE_BACKOFF_MS } from '../../extension/enrolment/enrol-retry.ts';
import { memoryLocalLog } from '../../extension/local-log/index.ts';
import { memoryKeyValueStore } from '../../extension/platform/key-value-store.ts';
import { persistedNames } from '../../shared/storage/persisted-names.ts';
import { useTestServer } from '../helpers/test-server.ts';
import { api } from './hostile/attacker.ts';

/**
 * Enrolment by policy against a real relay that is past its per-address allowance (H1): the
 * relay answers 429 with Retry-After, and the extension's worker tries again by itself no
 * sooner than it was told, with jitter, through an alarm (docs/extension.md, "Enrolment
 * retries"). The relay's allowance refills within the test; the alarm is fired by hand.
 */
const NOW = 1_000_000;
const keys = persistedNames.extensionStorageKeys;

describe('the extension retries an enrolment the relay refused with 429', () => {
  const server = useTestServer({
    limits: { enrolmentIpBurst: 1, enrolmentsPerIpPerSecond: 0.2 },
  });

  it(
    'waits at least Retry-After plus jitter, then enrols; the error clears',
    { timeout: 30_000 },
    async () => {
      const minted = await api(server().url, '/api/tokens', {
        method: 'POST',
        token: await server().token('acme', 'admin'),
        body: { role: 'member', ttl: '30d', label: 'Chrome policy' },
      });
      const code = minted.body.token as string;
      // Another browser behind the same address used the allowance a moment ago.
      expect(
        (await api(server().url, '/api/enrol', { method: 'POST', body: { token: code } })).status,
      ).toBe(201);

      const alarms: { name: string; when: number }[] = [];
      const onAlarm: ((alarm: { name: string }) => void)[] = [];
      const onInstalled: (() => void)[] = [];
      const runtime: RuntimeLike = {
        getManifest: () => ({ version: '1.0.0' }),
        getURL: (path: string) => `chrome-extension://self${path}`,
        onMessage: { addListener: () => {} },
        onInstalled: {
          addListener: (listener) => void onInstalled.push(() => listener(undefined)),
        },
      };
      const storage = memoryKeyValueStore();
      const fetched: number[] = [];
      startBackground({
        runtime,
        storage,
        now: () => NOW,
        random: () => 0.5,
        log: memoryLocalLog(),
        openSync: () => fakeSyncConnection(),
        randomId: () => 'id',
        // The browser's own fetch, to the real relay.
        fetch: async (url, init) => {
          const response = await fetch(url, init);
          fetched.push(response.status);
          return response;
        },
        events: {
          managedStorage: { get: async () => ({ relayUrl: server().syncUrl, token: code }) },
          alarms: {
            create: (name, info) => void alarms.push({ name, ...info }),
            onAlarm: { addListener: (listener) => void onAlarm.push(listener) },
          },
        },
      });
      onInstalled.forEach((fire) => fire());

      await expect.poll(() => alarms.length, { timeout: 10_000 }).toBe(1);
      expect(fetched).toEqual([429]);
      // The relay said Retry-After: 60; the first window of jitter is BASE_BACKOFF_MS, half of it here.
      expect(alarms[0]).toEqual({
        name: 'sightline-enrol-retry',
        when: NOW + 60_000 + BASE_BACKOFF_MS / 2,
      });
      const error = await storage.get<{ message: string }>(keys.policyEnrolmentError);
      expect(error?.message).toMatch(/too many enrolments from this address.*trying again in 75 s/);
      expect(await storage.get(keys.enrolment)).toBeUndefined();

      // The allowance refills (one every 5 s here); the alarm fires.
      await new Promise((resolve) => setTimeout(resolve, 5_200));
      onAlarm.forEach((listener) => listener({ name: 'sightline-enrol-retry' }));
      await expect
        .poll(async () => (await storage.get<{ workspace: string }>(keys.enrolment))?.workspace)
        .toBe('acme');
      expect(fetched).toEqual([429, 201]);
      expect(await storage.get(keys.policyEnrolmentError)).toBeUndefined();
      expect(await storage.get(keys.policyEnrolmentRetries)).toBeUndefined();
      // No retry is left waiting (the other alarm is the new report's flush backstop).
      expect(alarms.filter((alarm) => alarm.name === 'sightline-enrol-retry')).toHaveLength(1);
    },
  );
});
