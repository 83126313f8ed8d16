import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import type { ConnectionLimits } from '../../../server/relay/rate-limit.ts';
import { seededRandom } from '../../helpers/seeded-random.ts';

const MiB = 1024 * 1024;

interface Measure {
  rssMiB: number;
  heldMiB: number;
  reportMiB: number;
}

/** A relay in its own process (relay-process.ts), measured on demand. */
async function relayProcess(limits: Partial<ConnectionLimits>) {
  const child = spawn(
    process.execPath,
    ['--expose-gc', join(import.meta.dirname, 'relay-process.ts'), JSON.stringify(limits)],
    { stdio: ['pipe', 'pipe', 'ignore'] },
  );
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const next = async () => JSON.parse(((await lines.next()).value as string) ?? '{}') as unknown;
  const started = (await next()) as { syncUrl: string; token: string };
  return {
    ...started,
    async measure(): Promise<Measure> {
      child.stdin.write('measure\n');
      return (await next()) as Measure;
    },
    async quit() {
      child.stdin.write('quit\n');
      await new Promise((resolve) => child.once('exit', resolve));
    },
  };
}

function frame(address: string, type: 0 | 2, payload: Uint8Array | string): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, address);
  encoding.writeVarUint(encoder, type);
  if (typeof payload === 'string') {
    encoding.writeVarUint(encoder, 0); // auth: token
    encoding.writeVarString(encoder, payload);
  } else {
    encoding.writeVarUint(encoder, 2); // sync: update
    encoding.writeVarUint8Array(encoder, payload);
  }
  return encoding.toUint8Array(encoder);
}

const open = (url: string) =>
  new Promise<WebSocket | undefined>((resolve) => {
    const socket = new WebSocket(url);
    socket.binaryType = 'arraybuffer';
    socket.addEventListener('open', () => resolve(socket));
    socket.addEventListener('error', () => resolve(undefined));
  });

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const round = (n: number) => Number(n.toFixed(1));

/** Sends while the socket is open, pausing so the relay can read (and refuse) as it goes. */
async function sendAll(sockets: (WebSocket | undefined)[], frames: Uint8Array[]) {
  let sent = 0;
  for (const payload of frames) {
    for (const socket of sockets)
      if (socket?.readyState === WebSocket.OPEN) {
        socket.send(payload);
        sent += payload.byteLength;
      }
    await settle(10);
  }
  return sent;
}

/**
 * Issue 13, findings 2 and 3, in figures: what the relay's process holds (RSS, and heap + buffers
 * after a full GC) for (a) 120 sockets that never authenticate and send 72 frames of 64 KiB each (4.5 MiB, under the old 5 MiB cut-off) (measured a second later),
 * (b) one member writing 80 MiB into its own report — under the limits of docs/sync.md H12–H13,
 * and in the same run with them lifted to what the relay allowed before (5 MiB queued per
 * unauthenticated socket, no cap on such sockets, no byte quota, no 10 s deadline).
 */
export default {
  name: 'relay-hostile-memory',
  async run() {
    const before: Partial<ConnectionLimits> = {
      maxUnauthenticatedSocketsPerIp: 100_000,
      maxUnauthenticatedQueueBytes: 5 * MiB, // Hocuspocus's own default
      unauthenticatedTimeoutMs: 600_000,
      maxReportBytes: Number.MAX_SAFE_INTEGER,
      maxWorkspaceBytes: Number.MAX_SAFE_INTEGER,
    };
    const random = seededRandom(13);
    const chunk = frame('acme/registry', 0, random.bytes(64 * 1024));
    const doc = new Y.Doc();
    const updates: Uint8Array[] = [];
    doc.on('update', (update: Uint8Array) => updates.push(update));
    const text = Buffer.from(random.bytes(192 * 1024)).toString('base64');
    for (let i = 0; i < 320; i++) doc.getMap('junk').set(`k${i}`, `${i}${text}`);
    const result: Record<string, unknown> = {};
    for (const [label, limits] of [
      ['now', {}],
      ['before', before],
    ] as const) {
      // Generous per-connection rates, so that only the rules measured here stop the writes.
      const relay = await relayProcess({
        ...limits,
        byteBurst: 1024 * MiB,
        bytesPerSecond: 1024 * MiB,
      });
      const idle = await relay.measure();
      const strangers = await Promise.all(Array.from({ length: 120 }, () => open(relay.syncUrl)));
      const strangerBytes = await sendAll(
        strangers,
        Array.from({ length: 72 }, () => chunk),
      );
      await settle(1_000);
      const stillOpen = strangers.filter((socket) => socket?.readyState === WebSocket.OPEN).length;
      const pinned = await relay.measure();
      strangers.forEach((socket) => socket?.close());
      await settle(500);

      const member = await open(relay.syncUrl);
      member?.send(frame('acme/reports/greedy', 2, relay.token));
      await settle(300);
      const memberBytes = await sendAll(
        [member],
        updates.map((u) => frame('acme/reports/greedy', 0, u)),
      );
      await settle(1_000);
      const written = await relay.measure();
      member?.close();
      await relay.quit();
      result[label] = {
        idleRssMiB: round(idle.rssMiB),
        strangersSentMiB: round(strangerBytes / MiB),
        strangersStillOpen: stillOpen,
        strangersRssMiB: round(pinned.rssMiB - idle.rssMiB),
        strangersHeldMiB: round(pinned.heldMiB - idle.heldMiB),
        memberSentMiB: round(memberBytes / MiB),
        reportKeptMiB: round(written.reportMiB),
        memberHeldMiB: round(written.heldMiB - idle.heldMiB),
      };
    }
    return result;
  },
};
