import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../shared/auth/access.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

type Expected = 'write' | 'read' | 'none';

/** docs/sync.md, the permission table: every cell, through a real WebSocket. Members are bound to r1. */
const TABLE: [string, Record<Role, Expected>][] = [
  [
    'acme/policy',
    { admin: 'write', lead: 'write', contributor: 'read', member: 'read', pipeline: 'none' },
  ],
  [
    'acme/registry',
    { admin: 'write', lead: 'write', contributor: 'read', member: 'none', pipeline: 'none' },
  ],
  [
    'acme/assessment/a1',
    { admin: 'write', lead: 'write', contributor: 'write', member: 'none', pipeline: 'none' },
  ],
  // HOOK1: webhooks and their signing secrets: admins only.
  [
    'acme/admin',
    { admin: 'write', lead: 'none', contributor: 'none', member: 'none', pipeline: 'none' },
  ],
  [
    'acme/reports/r1',
    { admin: 'read', lead: 'read', contributor: 'none', member: 'write', pipeline: 'none' },
  ],
  [
    'acme/reports/r2',
    { admin: 'read', lead: 'read', contributor: 'none', member: 'none', pipeline: 'none' },
  ],
  [
    'acme/discoveries',
    { admin: 'read', lead: 'read', contributor: 'read', member: 'none', pipeline: 'none' },
  ],
  // MON1: a system's monitoring: data science and leads write; a pipeline only through the API.
  [
    'acme/monitoring/rec1',
    { admin: 'write', lead: 'write', contributor: 'write', member: 'none', pipeline: 'none' },
  ],
  // INT1: a stakeholder interview: the lead's questions, the contributor's answers.
  [
    'acme/interview/int1',
    { admin: 'write', lead: 'write', contributor: 'write', member: 'none', pipeline: 'none' },
  ],
];

let server: TestServer & { remove(): void };
const clients: TestClient[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
  server.remove();
});

async function open(name: string, token: string): Promise<TestClient> {
  const client = connectClient(server.syncUrl, name, token);
  clients.push(client);
  return client;
}

/** Reads what the relay itself holds for a document, with a lead's token (or the member's own for r1). */
async function relayValue(name: string, key: string): Promise<unknown> {
  const token =
    name === 'acme/discoveries'
      ? await server.token('acme', 'lead')
      : await server.token('acme', 'admin');
  const doc = server.hocuspocus.documents.get(name);
  if (doc) return doc.getMap('probe').get(key);
  const reader = await open(name, token);
  await waitFor(() => reader.provider.synced, `sync of ${name}`);
  return reader.doc.getMap('probe').get(key);
}

describe('the permission table through real connections (P1–P6, MON1)', () => {
  for (const [name, row] of TABLE) {
    for (const role of ['admin', 'lead', 'contributor', 'member', 'pipeline'] as const) {
      const expected = row[role];
      it(`${role} → ${name}: ${expected}`, async () => {
        const token = await server.token('acme', role, role === 'member' ? 'r1' : undefined);
        const client = await open(name, token);
        const outcome = await client.outcome();
        if (expected === 'none') {
          expect(outcome).toEqual({ refused: 'permission-denied' });
          return;
        }
        expect(outcome).toEqual({ scope: expected === 'write' ? 'read-write' : 'readonly' });
        await waitFor(() => client.provider.synced, 'sync');
        const key = `${role}-${Date.now()}`;
        client.doc.getMap('probe').set(key, 'written');
        if (expected === 'write') {
          await client.acknowledged();
          expect(await relayValue(name, key)).toBe('written');
        } else {
          // A read-only connection's edit is refused by the relay, never stored or forwarded.
          await new Promise((resolve) => setTimeout(resolve, 300));
          expect(server.hocuspocus.documents.get(name)?.getMap('probe').get(key)).toBeUndefined();
        }
      });
    }
  }

  it('P1: a token for another workspace opens nothing here', async () => {
    for (const [name] of TABLE) {
      const client = await open(name, await server.token('other', 'admin'));
      expect(await client.outcome(), name).toHaveProperty('refused');
    }
  });

  it('P5: an enrolment token (a member with no reporter) opens no report', async () => {
    const client = await open('acme/reports/r1', await server.token('acme', 'member'));
    expect(await client.outcome()).toHaveProperty('refused');
  });
});

describe('S5: an app too old for a document’s stored shape is refused it, not misled', () => {
  async function outcome(name: string, reads: string | null) {
    const client = connectClient(
      server.syncUrl,
      name,
      await server.token('acme', 'lead'),
      undefined,
      {
        reads,
      },
    );
    clients.push(client);
    return client.outcome();
  }

  it('an app that declares nothing (every app before S5) is refused the discoveries, as “update required”', async () => {
    expect(await outcome('acme/discoveries', null)).toEqual({ refused: 'update-required' });
    expect(await outcome('acme/discoveries', 'discoveries.2')).toEqual({
      refused: 'update-required',
    });
  });

  it('it still opens every document whose shape it reads', async () => {
    expect(await outcome('acme/registry', null)).toEqual({ scope: 'read-write' });
    expect(await outcome('acme/policy', null)).toEqual({ scope: 'read-write' });
  });

  it('an app that reads this shape opens the discoveries, and sees what the relay wrote', async () => {
    expect(await outcome('acme/discoveries', 'discoveries.3')).toEqual({ scope: 'readonly' });
    expect(await outcome('acme/discoveries', 'registry.9,discoveries.4')).toEqual({
      scope: 'readonly',
    });
  });
});
