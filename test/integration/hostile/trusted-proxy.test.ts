import { afterAll, describe, expect, it } from 'vitest';
import { TrustedProxies } from '../../../server/http/client-address.ts';
import { useTestServer, type TestServer } from '../../helpers/test-server.ts';
import { api } from './attacker.ts';

/**
 * PROXY1 (docs/sync.md): behind a load balancer every request comes from the balancer's address,
 * so per-address limits would count the whole company as one client; `--trust-proxy` names the
 * balancers whose X-Forwarded-For is believed. A header from anyone else is a client's own claim
 * and is ignored. Addresses are from RFC 5737's documentation ranges.
 */
const SLOW = 0.001;
const limits = {
  enrolmentIpBurst: 2,
  enrolmentsPerIpPerSecond: SLOW,
  maxUnauthenticatedSocketsPerIp: 2,
  unauthenticatedTimeoutMs: 1_500,
};

async function enrolmentCode(server: TestServer) {
  const minted = await api(server.url, '/api/tokens', {
    method: 'POST',
    token: await server.token('acme', 'admin'),
    body: { role: 'member', ttl: '30d', label: 'Chrome policy' },
  });
  expect(minted.status).toBe(201);
  return minted.body.token as string;
}

const enrolFrom = (server: TestServer, token: string, forwardedFor: string) =>
  api(server.url, '/api/enrol', {
    method: 'POST',
    body: { token },
    headers: { 'X-Forwarded-For': forwardedFor },
  }).then((answer) => answer.status);

/** A socket that never authenticates; resolves with its close code. */
const sockets: WebSocket[] = [];
afterAll(() => sockets.forEach((socket) => socket.close()));
function idleSocket(server: TestServer, forwardedFor: string): Promise<number> {
  // Node's WebSocket (undici) sends extra headers, as a proxy would add this one.
  const socket = new WebSocket(server.syncUrl, {
    headers: { 'X-Forwarded-For': forwardedFor },
  } as unknown as string[]);
  sockets.push(socket);
  return new Promise((resolve) => socket.addEventListener('close', (event) => resolve(event.code)));
}

describe('PROXY1: behind a trusted proxy, limits count the address it forwards', () => {
  // The test's requests come from loopback: here loopback is the trusted proxy.
  const server = useTestServer({ limits, trustProxy: TrustedProxies.parse('127.0.0.1,::1') });

  it('PROXY1/H1: enrolment allowances are per forwarded client, not per proxy', async () => {
    const code = await enrolmentCode(server());
    expect(await enrolFrom(server(), code, '203.0.113.5')).toBe(201);
    expect(await enrolFrom(server(), code, '203.0.113.5')).toBe(201);
    expect(await enrolFrom(server(), code, '203.0.113.5')).toBe(429);
    // Another employee behind the same proxy still enrols.
    expect(await enrolFrom(server(), code, '203.0.113.6')).toBe(201);
    // An entry the client wrote itself, left of what the proxy saw, changes nothing.
    expect(await enrolFrom(server(), code, '198.51.100.1, 203.0.113.5')).toBe(429);
  });

  it('PROXY1/H12: the unauthenticated-socket cap is per forwarded client', async () => {
    const started = Date.now();
    const codes = await Promise.all([
      idleSocket(server(), '203.0.113.20'),
      idleSocket(server(), '203.0.113.20'),
      idleSocket(server(), '203.0.113.20'),
      idleSocket(server(), '203.0.113.21'),
    ]);
    // Three from one client: one over its cap, refused at once; the others wait for the timeout.
    expect(codes.filter((code) => code === 4429)).toHaveLength(1);
    expect(codes[3]).toBe(4408);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });
});

describe('PROXY1: a spoofed X-Forwarded-For from an untrusted peer is ignored', () => {
  // Only 10.0.0.0/8 is trusted: the test's loopback requests are a client's own.
  const server = useTestServer({ limits, trustProxy: TrustedProxies.parse('10.0.0.0/8') });

  it('PROXY1/H1: a client cannot escape its enrolment allowance by naming other addresses', async () => {
    const code = await enrolmentCode(server());
    const statuses = [];
    for (const spoofed of ['203.0.113.7', '203.0.113.8', '203.0.113.9', '10.0.0.1'])
      statuses.push(await enrolFrom(server(), code, spoofed));
    expect(statuses).toEqual([201, 201, 429, 429]);
  });

  it('PROXY1/H12: nor its unauthenticated-socket cap', async () => {
    const codes = await Promise.all(
      ['203.0.113.30', '203.0.113.31', '203.0.113.32'].map((spoofed) =>
        idleSocket(server(), spoofed),
      ),
    );
    expect(codes.filter((code) => code === 4429)).toHaveLength(1);
  });
});
