import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { seededRandom } from '../helpers/seeded-random.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

let server: TestServer & { remove(): void };
const clients: TestClient[] = [];
const sockets: WebSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({
    limits: {
      maxMessageBytes: 256 * 1024,
      maxDocumentsPerConnection: 3,
      messagesPerSecond: 50,
      messageBurst: 200,
    },
  });
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  sockets.forEach((s) => s.close());
  await server.close();
  server.remove();
});

/** Two well-behaved lead clients on one document; `check` proves an edit still travels between them. */
async function bystanders(name: string) {
  const token = await server.token('acme', 'lead');
  const a = connectClient(server.syncUrl, name, token);
  const b = connectClient(server.syncUrl, name, token);
  clients.push(a, b);
  await waitFor(() => a.provider.synced && b.provider.synced, 'bystanders synced');
  return async (label: string) => {
    const key = `${label}-${Math.random()}`;
    a.doc.getMap('m').set(key, label);
    await waitFor(
      () => b.doc.getMap('m').get(key) === label,
      `the bystanders' edit "${label}" to arrive`,
      5_000,
    );
  };
}

function rawSocket(): Promise<WebSocket> {
  const socket = new WebSocket(server.syncUrl);
  socket.binaryType = 'arraybuffer';
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.addEventListener('open', () => resolve(socket));
    socket.addEventListener('error', () => reject(new Error('raw socket failed')));
  });
}

function closed(socket: WebSocket): Promise<number> {
  if (socket.readyState === WebSocket.CLOSED) return Promise.resolve(-1);
  return new Promise((resolve) => socket.addEventListener('close', (event) => resolve(event.code)));
}

describe('limits against a hostile client (docs/sync.md L1–L4)', () => {
  it('L1: closes a connection that sends an oversized message; others keep syncing', async () => {
    const check = await bystanders('acme/registry');
    const socket = await rawSocket();
    socket.send(new Uint8Array(300 * 1024));
    expect(await closed(socket)).toBe(1009);
    await check('after oversized');
  });

  it('L2: refuses documents past the per-connection limit', async () => {
    const token = await server.token('acme', 'lead');
    const websocketProvider = new HocuspocusProviderWebsocket({
      url: server.syncUrl,
      maxAttempts: 1,
    });
    const outcomes = [
      'acme/assessment/a1',
      'acme/assessment/a2',
      'acme/assessment/a3',
      'acme/assessment/a4',
    ].map((name) => {
      const provider = new HocuspocusProvider({
        websocketProvider,
        name,
        document: new Y.Doc(),
        token,
      });
      const outcome = new Promise<string>((resolve) => {
        provider.on('authenticated', () => resolve('ok'));
        provider.on('authenticationFailed', () => resolve('refused'));
      });
      provider.attach();
      return outcome;
    });
    const results = await Promise.all(outcomes);
    websocketProvider.destroy();
    expect(results.filter((r) => r === 'ok')).toHaveLength(3);
    expect(results.filter((r) => r === 'refused')).toHaveLength(1);
  });

  it('L3: cuts off a client that floods; others keep syncing', async () => {
    const check = await bystanders('acme/policy');
    const socket = await rawSocket();
    const code = closed(socket);
    for (let i = 0; i < 2_000 && socket.readyState === WebSocket.OPEN; i++)
      socket.send(new Uint8Array([1, 2, 3]));
    expect(await code).toBe(4429);
    await check('after flood');
  });

  it('L4: survives thousands of malformed frames and bogus tokens; others keep syncing', async () => {
    const check = await bystanders('acme/assessment/fuzz');
    const random = seededRandom(20261125);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    let frames = 0;
    while (frames < 3_000) {
      const socket = await rawSocket();
      const code = closed(socket);
      for (let i = 0; i < 100 && socket.readyState === WebSocket.OPEN; i++, frames++) {
        const kind = random.int(3);
        // Garbage, garbage behind a plausible document name, or a truncated auth message.
        const body = random.bytes(random.int(kind === 0 ? 64 : 512));
        const prefix = kind === 0 ? [] : [13, ...new TextEncoder().encode('acme/registry')];
        socket.send(new Uint8Array([...prefix, ...body]));
      }
      socket.close();
      await code;
    }
    // Dropped quietly: a hostile client must not be able to fill the relay's logs with frames.
    expect(logged.mock.calls.length).toBeLessThan(30);
    logged.mockRestore();
    for (let i = 0; i < 50; i++) {
      const bogus = connectClient(
        server.syncUrl,
        'acme/registry',
        random.pick([
          '',
          'x',
          'a.b.c',
          'Bearer x',
          'eyJhbGciOiJub25lIn0.e30.',
          '\u0000'.repeat(100),
        ]),
      );
      clients.push(bogus);
      expect(await bogus.outcome()).toHaveProperty('refused');
    }
    await check('after fuzz');
    const health = await fetch(server.url + '/api/health');
    expect(health.status).toBe(200);
  });
});
