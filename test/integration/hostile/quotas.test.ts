import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seededRandom } from '../../helpers/seeded-random.ts';
import { useTestServer } from '../../helpers/test-server.ts';
import { frames, useConnections } from './attacker.ts';

/**
 * Finding 2 of issue 13: anyone with the company-wide enrolment code became a member and wrote
 * ~80 MiB into its own report in 22 s; the relay grew to 692 MiB. Quotas now hold per document
 * and per workspace (H13).
 */
const KiB = 1024;
const server = useTestServer({
  limits: { maxReportBytes: 64 * KiB, maxDocumentBytes: 256 * KiB, maxWorkspaceBytes: 600 * KiB },
});
const connections = useConnections(server);
const open = connections.synced;

/** Yjs updates of about `size` bytes each, of seeded random text that does not compress. */
function junkUpdates(seed: number, count: number, size: number): Uint8Array[] {
  const random = seededRandom(seed);
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++)
    doc.getMap('junk').set(`k${i}`, Buffer.from(random.bytes(size)).toString('base64'));
  return updates;
}

/** Sends updates until the relay closes the socket; returns the close code and how many went. */
async function flood(name: string, token: string, updates: Uint8Array[]) {
  const raw = await connections.raw();
  raw.send(frames.auth(name, token));
  expect(await raw.answer(name)).toBe(true);
  let sent = 0;
  for (const update of updates) {
    if (raw.socket.readyState !== WebSocket.OPEN) break;
    raw.send(frames.update(name, update));
    sent++;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const code = await Promise.race([
    raw.closed,
    new Promise<number>((resolve) => setTimeout(() => resolve(-1), 2_000)),
  ]);
  return { code, sent };
}

/** The size of a document as a lead reads it from the relay now. */
async function storedSize(name: string): Promise<number> {
  const reader = await open(name, await server().token('acme', 'lead'));
  const size = Y.encodeStateAsUpdate(reader.doc).byteLength;
  reader.destroy();
  return size;
}

describe('H13: byte quotas per document and per workspace', () => {
  it('H13: a member cannot write more than its report’s quota; others keep syncing', async () => {
    const bystander = await open(
      'acme/reports/honest',
      await server().token('acme', 'member', 'honest'),
    );
    const token = await server().token('acme', 'member', 'greedy');
    const { code, sent } = await flood('acme/reports/greedy', token, junkUpdates(1, 40, 12 * KiB));
    expect(code).toBe(4413);
    expect(sent).toBeLessThan(40);
    expect(await storedSize('acme/reports/greedy')).toBeLessThanOrEqual(64 * KiB);
    bystander.doc.getMap('tools').set('still', 'here');
    await bystander.acknowledged();
    // Coming back does not buy more room.
    const again = await flood('acme/reports/greedy', token, junkUpdates(2, 10, 12 * KiB));
    expect(again.code).toBe(4413);
    expect(await storedSize('acme/reports/greedy')).toBeLessThanOrEqual(64 * KiB);
  });

  it('H13: a read-only connection’s flood is not counted against the document', async () => {
    const contributor = await server().token('acme', 'contributor');
    const raw = await connections.raw();
    raw.send(frames.auth('acme/registry', contributor));
    expect(await raw.answer('acme/registry')).toBe(true);
    for (const update of junkUpdates(3, 30, 12 * KiB))
      raw.send(frames.update('acme/registry', update));
    const lead = await open('acme/registry', await server().token('acme', 'lead'));
    lead.doc.getMap('records').set('r1', 'a record');
    await lead.acknowledged();
    expect(raw.socket.readyState).toBe(WebSocket.OPEN);
  });

  it('H13: a workspace cannot hold more than its quota across documents', async () => {
    const token = await server().token('acme', 'lead');
    const codes: number[] = [];
    for (let i = 0; i < 6 && !codes.includes(4413); i++) {
      // About 200 KiB each (base64 of 12 KiB): under an assessment's own 256 KiB.
      const { code } = await flood(
        `acme/assessment/big-${i}`,
        token,
        junkUpdates(10 + i, 12, 12 * KiB),
      );
      codes.push(code);
    }
    // Two fit; the workspace's 600 KiB stops the third.
    expect(codes).toEqual([-1, -1, 4413]);
    const other = await flood('acme/assessment/other', token, junkUpdates(20, 2, 12 * KiB));
    expect(other.code).toBe(4413);
  });
});
