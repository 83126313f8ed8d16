import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createRecord } from '../../shared/documents/registry/records.ts';
import {
  postObservations,
  savePsiPlan,
  storedObservations,
} from '../helpers/observations-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

/**
 * docs/sync.md MON7: `Idempotency-Key` on `POST /api/records/<id>/observations`, as the IETF
 * httpapi draft "The Idempotency-Key HTTP Header Field" (draft-ietf-httpapi-idempotency-key-header-06,
 * https://datatracker.ietf.org/doc/draft-ietf-httpapi-idempotency-key-header/) has it: the same key
 * and body answer the first answer without applying again; the key reused with another payload is
 * 422; a retry while the first request is still processed is 409. Through a real relay, real tokens
 * and the real SQLite store, across a restart and a storage failure. The key is the draft's
 * example, an sf-string.
 */
const T0 = Date.parse('2026-11-01T09:00:00Z');
const DRAFT_KEY = '"8e03978e-40d5-43e8-bc93-6894a57f9324"';
const data = tempDir();
let server: TestServer;
let pipeline: string;

async function start(): Promise<TestServer> {
  return startTestServer({ dataDir: data.path, storageProbeIntervalMs: 100 });
}

async function direct(name: string, change: (doc: Y.Doc) => void): Promise<void> {
  const connection = await server.hocuspocus.openDirectConnection(name, { relay: true });
  try {
    await connection.transact(change);
  } finally {
    await connection.disconnect();
  }
}

const psi = (value: number) => ({ metric: 'psi', value });
const post = (recordId: string, body: unknown, key?: string) =>
  postObservations(server.url, pipeline, recordId, body, key);
const stored = (recordId: string) =>
  storedObservations(server.relayStorage.documents('test'), `acme/monitoring/${recordId}`);

beforeAll(async () => {
  server = await start();
  pipeline = await server.token('acme', 'pipeline');
  await direct('acme/registry', (doc) => {
    for (const id of ['credit', 'triage', 'loans', 'fraud'])
      createRecord(doc, id, { name: id }, 'Lead', T0);
  });
  for (const id of ['credit', 'triage', 'loans', 'fraud'])
    await direct(`acme/monitoring/${id}`, (doc) => savePsiPlan(doc, T0));
});
afterAll(async () => {
  await server.close();
  data.remove();
});

describe('Idempotency-Key on the observations API (MON7)', () => {
  it('a retry after success answers the first answer — alerts included — and adds nothing', async () => {
    const body = { observations: [psi(0.1), psi(0.4)] };
    const first = await post('credit', body, DRAFT_KEY);
    expect(first).toMatchObject({ status: 200, replayed: false, body: { added: 2 } });
    expect(first.body.alerts).toHaveLength(1);
    const before = await stored('credit');
    const retry = await post('credit', body, DRAFT_KEY);
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await stored('credit')).toEqual(before);
    // Without a key, the same body is a new batch (the API stays as it was for old pipelines).
    expect((await post('credit', body)).status).toBe(200);
    expect((await stored('credit')).chunks).toBe(before.chunks + 1);
  });

  it('duplicates sent at once apply once: the others answer the first answer or 409', async () => {
    const before = await stored('triage');
    const body = { observations: [psi(0.2)] };
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => post('triage', body, 'dup-1')),
    );
    const applied = answers.filter((a) => a.status === 200 && !a.replayed);
    expect(applied).toHaveLength(1);
    for (const a of answers)
      if (a !== applied[0])
        expect(a.status === 409 ? a.body.error : a.body).toEqual(
          a.status === 409 ? expect.stringMatching(/still being processed/) : applied[0]!.body,
        );
    expect(await stored('triage')).toEqual({
      chunks: before.chunks + 1,
      observations: before.observations + 1,
    });
  });

  it('the same key with another body or record is refused with 422 and writes nothing', async () => {
    expect((await post('loans', { observations: [psi(0.1)] }, 'k-422')).status).toBe(200);
    const before = await stored('loans');
    const other = await post('loans', { observations: [psi(0.9)] }, 'k-422');
    expect(other.status).toBe(422);
    expect(other.body.error).toMatch(/already used with a different request/);
    expect((await post('fraud', { observations: [psi(0.1)] }, 'k-422')).status).toBe(422);
    expect(await stored('loans')).toEqual(before);
    expect((await stored('fraud')).chunks).toBe(0);
  });

  it('a refused batch frees its key: the corrected batch goes through under it', async () => {
    const bad = await post('fraud', { observations: [{ metric: 'psi', value: 'x' }] }, 'k-fix');
    expect(bad.status).toBe(400);
    expect((await post('fraud', { observations: [psi(0.1)] }, 'k-fix')).status).toBe(200);
    expect((await stored('fraud')).chunks).toBe(1);
  });

  it('a malformed key is a 400 and nothing is written', async () => {
    for (const key of ['', '"unterminated', 'a'.repeat(256), 'é'])
      expect((await post('fraud', { observations: [psi(0.1)] }, key)).status).toBe(400);
    expect((await stored('fraud')).chunks).toBe(1);
  });

  it('the key holds across a relay restart', async () => {
    const body = { observations: [psi(0.3)] };
    const first = await post('loans', body, 'k-restart');
    const before = await stored('loans');
    await server.close();
    server = await start();
    const retry = await post('loans', body, 'k-restart');
    expect(retry).toEqual({ ...first, replayed: true });
    expect(await stored('loans')).toEqual(before);
  });

  describe('storage failing mid-request (DR2)', () => {
    let refill: (() => void) | undefined;
    afterEach(() => refill?.());

    it('a batch applied but not yet durable commits with its key: the retry never applies it twice', async () => {
      const before = await stored('credit');
      const db = server.database!;
      const { page_count: pages } = db.prepare('PRAGMA page_count').get() as { page_count: number };
      // The database cannot grow: the claim fits in a page it has, the batch does not.
      db.exec(`PRAGMA max_page_count = ${pages}`);
      refill = () => db.exec('PRAGMA max_page_count = 1073741823');
      const body = {
        observations: Array.from({ length: 3_000 }, (_, i) => ({
          metric: 'psi',
          value: 0.1,
          subgroup: `cohort ${i}`,
        })),
      };
      const failed = await post('credit', body, 'k-crash');
      expect(failed.status).toBe(503);
      refill();
      refill = undefined;
      // The relay writes what it kept (the batch and its key, one transaction)
      // once storage works; the health answers 200 only then (DR3).
      for (let i = 0; (await fetch(`${server.url}/api/health`)).status !== 200; i++) {
        if (i > 100) throw new Error('storage did not recover');
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect((await stored('credit')).chunks).toBe(before.chunks + 1);
      const retry = await post('credit', body, 'k-crash');
      expect(retry).toMatchObject({ status: 200, replayed: true, body: { added: 3_000 } });
      expect(await stored('credit')).toEqual({
        chunks: before.chunks + 1,
        observations: before.observations + 3_000,
      });
    });
  });
});
