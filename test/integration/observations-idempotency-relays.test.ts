import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createRecord } from '../../shared/documents/registry/records.ts';
import {
  hasPostgres,
  startPostgres,
  warnIfNoPostgres,
  type TestPostgres,
} from '../helpers/postgres-server.ts';
import {
  postObservations,
  savePsiPlan,
  storedObservations,
} from '../helpers/observations-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const T0 = Date.parse('2026-11-01T09:00:00Z');

/**
 * docs/sync.md MON7 across relays: three relays on one Postgres (each with its own empty data
 * folder, standing in for hosts) get the same key at once, as a pipeline behind a load balancer
 * retrying on another connection would send it: the batch is applied once.
 */
warnIfNoPostgres('OBSERVATIONS IDEMPOTENCY ACROSS RELAYS');
describe.skipIf(!hasPostgres())('Idempotency-Key across relays on Postgres (MON7)', () => {
  let postgres: TestPostgres;
  const relays: (TestServer & { remove(): void })[] = [];

  beforeAll(async () => {
    postgres = await startPostgres();
    const database = await postgres.createDatabase('idempotency_relays');
    for (let i = 0; i < 3; i++) relays.push(await startTestServer({ database }));
  }, 90_000);
  afterAll(async () => {
    for (const relay of relays) {
      await relay.close();
      relay.remove();
    }
    await postgres?.stop();
  });

  it('the same key sent to three relays at once adds the batch once; a later retry anywhere replays it', async () => {
    const [a, b, c] = relays;
    const setup = async (name: string, change: (doc: Y.Doc) => void) => {
      const connection = await a!.hocuspocus.openDirectConnection(name, { relay: true });
      await connection.transact(change);
      await connection.disconnect();
    };
    await setup('acme/registry', (doc) =>
      createRecord(doc, 'credit', { name: 'Credit' }, 'Lead', T0),
    );
    await setup('acme/monitoring/credit', (doc) => savePsiPlan(doc, T0));
    const token = await a!.token('acme', 'pipeline');
    const body = { observations: [{ metric: 'psi', value: 0.4 }] };
    const answers = await Promise.all(
      [a, b, c, a, b, c].map((relay) =>
        postObservations(relay!.url, token, 'credit', body, 'nightly-2026-11-01'),
      ),
    );
    const applied = answers.filter((answer) => answer.status === 200 && !answer.replayed);
    expect(applied).toHaveLength(1);
    expect(answers.every((answer) => [200, 409].includes(answer.status))).toBe(true);
    const retry = await postObservations(c!.url, token, 'credit', body, 'nightly-2026-11-01');
    expect(retry).toEqual({ ...applied[0], replayed: true });
    expect(
      await storedObservations(a!.relayStorage.documents('check'), 'acme/monitoring/credit'),
    ).toEqual({ chunks: 1, observations: 1 });
  });
});
