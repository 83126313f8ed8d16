import { afterAll, beforeAll } from 'vitest';
import { startPostgres, type TestPostgres } from './postgres-server.ts';
import { startRedis } from './redis-server.ts';
import type { TestClient } from './relay-client.ts';
import { startTestServer, type TestServer } from './test-server.ts';

type RelayOptions = NonNullable<Parameters<typeof startTestServer>[0]>;

/** Relays behind a load balancer, standing in for hosts: one Postgres, one Redis, each relay its own data folder. */
export interface RelayFleet {
  readonly postgres: TestPostgres;
  readonly redis: Awaited<ReturnType<typeof startRedis>>;
  /** The fleet's Postgres database URL (`--database`). */
  readonly database: string;
  readonly relays: (TestServer & { remove(): void })[];
  /** Clients a test opened; destroyed after the block. */
  readonly clients: TestClient[];
  /** Starts one more relay on the fleet's Postgres and Redis, with the fleet's options. */
  addRelay(): Promise<TestServer>;
}

/**
 * For the `describe` block it is called in: Postgres (database `name`) and Redis started before
 * its tests with `count` relays on them, each with `options`; after them, clients, relays, Redis
 * and Postgres closed, in that order.
 */
export function relayFleetForBlock(
  name: string,
  count: number,
  options: RelayOptions = {},
): RelayFleet {
  let postgres: TestPostgres | undefined;
  let redis: RelayFleet['redis'] | undefined;
  let database: string | undefined;
  const fleet: RelayFleet = {
    get postgres() {
      return postgres!;
    },
    get redis() {
      return redis!;
    },
    get database() {
      return database!;
    },
    relays: [],
    clients: [],
    async addRelay() {
      const relay = await startTestServer({ database, redisUrl: redis!.url, ...options });
      fleet.relays.push(relay);
      return relay;
    },
  };
  beforeAll(async () => {
    [postgres, redis] = await Promise.all([startPostgres(), startRedis()]);
    database = await postgres.createDatabase(name);
    for (let i = 0; i < count; i++) await fleet.addRelay();
  }, 90_000);
  afterAll(async () => {
    fleet.clients.forEach((client) => client.destroy());
    for (const relay of fleet.relays) {
      await relay.close();
      relay.remove();
    }
    await redis?.stop();
    await postgres?.stop();
  });
  return fleet;
}
