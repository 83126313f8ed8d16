import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll } from 'vitest';
import {
  connectClient,
  waitFor,
  withTimeout,
  type TestClient,
} from '../../helpers/relay-client.ts';
import type { TestServer } from '../../helpers/test-server.ts';

/**
 * What a hostile client does without a provider: raw WebSocket frames in the Hocuspocus protocol
 * (message types from @hocuspocus/common: 0 sync, 1 awareness, 2 auth; auth submessage 0 token).
 */
function frame(address: string, type: number, write: (encoder: encoding.Encoder) => void) {
  const encoder = encoding.createEncoder();
  encoding.writeVarString(encoder, address);
  encoding.writeVarUint(encoder, type);
  write(encoder);
  return encoding.toUint8Array(encoder);
}

export const frames = {
  /** An auth message (type 2) with its token (submessage 0). */
  auth: (address: string, token: string): Uint8Array =>
    frame(address, 2, (encoder) => {
      encoding.writeVarUint(encoder, 0);
      encoding.writeVarString(encoder, token);
    }),
  /** A Yjs update (sync message, step "update"). */
  update: (address: string, update: Uint8Array): Uint8Array =>
    frame(address, 0, (encoder) => {
      encoding.writeVarUint(encoder, 2);
      encoding.writeVarUint8Array(encoder, update);
    }),
  /** An awareness update as y-protocols encodes it. */
  awareness: (address: string, update: Uint8Array): Uint8Array =>
    frame(address, 1, (encoder) => encoding.writeVarUint8Array(encoder, update)),
};

/**
 * The providers and raw sockets one suite opens against its relay, all closed after the suite:
 * `synced` opens a real provider and waits for its first sync; `raw` opens a raw socket.
 */
export function useConnections(server: () => TestServer) {
  const clients: TestClient[] = [];
  const sockets: WebSocket[] = [];
  afterAll(() => {
    clients.forEach((client) => client.destroy());
    sockets.forEach((socket) => socket.close());
  });
  return {
    clients,
    async synced(name: string, token: string): Promise<TestClient> {
      const client = connectClient(server().syncUrl, name, token);
      clients.push(client);
      await waitFor(() => client.provider.synced, `sync of ${name}`);
      return client;
    },
    raw: () => rawSocket(server().syncUrl, sockets),
  };
}

/** The relay's answer to an auth message (type 2): true authenticated, false refused; undefined: another frame. */
export function authAnswer(frame: Uint8Array, address: string): boolean | undefined {
  const decoder = decoding.createDecoder(frame);
  if (decoding.readVarString(decoder) !== address) return undefined;
  if (decoding.readVarUint(decoder) !== 2) return undefined;
  return decoding.readVarUint(decoder) === 2; // AuthMessageType.Authenticated
}

export interface RawSocket {
  socket: WebSocket;
  /** Every frame received, in order. */
  received: Uint8Array[];
  /** Resolves with the close code. */
  closed: Promise<number>;
  send(frame: Uint8Array): void;
  /** Waits for the answer to an auth message sent for `address`. */
  answer(address: string, ms?: number): Promise<boolean>;
}

/** A raw WebSocket to the relay that records what it is sent. */
export async function rawSocket(url: string, opened: WebSocket[]): Promise<RawSocket> {
  const socket = new WebSocket(url);
  socket.binaryType = 'arraybuffer';
  opened.push(socket);
  const received: Uint8Array[] = [];
  const listeners = new Set<() => void>();
  socket.addEventListener('message', (event) => {
    received.push(new Uint8Array(event.data as ArrayBuffer));
    listeners.forEach((listener) => listener());
  });
  const closed = new Promise<number>((resolve) =>
    socket.addEventListener('close', (event) => resolve(event.code)),
  );
  await new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve());
    socket.addEventListener('error', () => reject(new Error('raw socket failed')));
  });
  return {
    socket,
    received,
    closed,
    send: (frame) => socket.send(frame),
    answer(address, ms = 5_000) {
      return withTimeout(
        new Promise<boolean>((resolve) => {
          const check = () => {
            for (const frame of received) {
              const answer = authAnswer(frame, address);
              if (answer !== undefined) {
                listeners.delete(check);
                resolve(answer);
                return;
              }
            }
          };
          listeners.add(check);
          check();
          void closed.then(() => resolve(false));
        }),
        ms,
        `the relay's answer for ${address}`,
      );
    },
  };
}

/** A JSON call to the relay's HTTP API. */
export async function api(
  base: string,
  path: string,
  init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const response = await fetch(base + path, {
    method: init.method ?? 'GET',
    headers: {
      ...(init.token ? { Authorization: `Bearer ${init.token}` } : {}),
      ...(init.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
      ...init.headers,
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json().catch(() => ({}))) as Record<string, unknown>,
  };
}
