import { afterAll, afterEach, beforeAll } from 'vitest';
import { startPostgres, type TestPostgres } from './postgres-server.ts';
import { startTestServer, type TestServer } from './test-server.ts';
import { startWebhookReceiver } from './webhook-receiver.ts';

type RelayOptions = NonNullable<Parameters<typeof startTestServer>[0]>;

/**
 * What the relay's integration tests start again and again: relays with this file's `defaults`
 * and loopback webhook receivers, each closed (and its data folder removed) after its test, last
 * started first. `cleanups` takes anything else a test must undo. Call once, at a file's top level.
 */
export function relayTestKit(defaults: RelayOptions = {}) {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function relay(options: RelayOptions = {}): Promise<TestServer> {
    const running = await startTestServer({ ...defaults, ...options });
    cleanups.push(async () => {
      await running.close();
      running.remove();
    });
    return running;
  }

  async function receiver() {
    const hooks = await startWebhookReceiver();
    cleanups.push(() => hooks.close());
    return hooks;
  }

  return { cleanups, relay, receiver };
}

/** A Postgres server for the `describe` block this is called in: started before its tests, stopped after. */
export function postgresForBlock(): () => TestPostgres {
  let postgres: TestPostgres | undefined;
  beforeAll(async () => {
    postgres = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await postgres?.stop();
  });
  return () => postgres!;
}
