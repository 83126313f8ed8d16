import crossws from 'crossws/adapters/node';
import { existsSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Hocuspocus } from '@hocuspocus/server';
import { createRelay } from '../relay/relay.ts';
import { staticFiles } from './static-files.ts';

export interface ServerOptions {
  port: number;
  host?: string;
  dataDir: string;
  /** The built PWA; when absent, `/` answers with a page that says how to build it. */
  pwaDir: string;
}

export interface RunningServer {
  url: string;
  syncUrl: string;
  port: number;
  hocuspocus: Hocuspocus;
  close(): Promise<void>;
}

export const SYNC_PATH = '/sync';

/** One port: the PWA over HTTP and the Hocuspocus relay over WebSocket at /sync. */
export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const relay = createRelay(options.dataDir);
  const pwaBuilt = existsSync(join(options.pwaDir, 'index.html'));
  const serveStatic = pwaBuilt ? staticFiles(options.pwaDir) : undefined;

  const ws = crossws({
    hooks: {
      open(peer) {
        const connection = relay.hocuspocus.handleConnection(
          peer.websocket as never,
          peer.request as Request,
        );
        (peer as unknown as { hocuspocus: typeof connection }).hocuspocus = connection;
      },
      message(peer, message) {
        connectionOf(peer)?.handleMessage(message.uint8Array());
      },
      close(peer, event) {
        connectionOf(peer)?.handleClose({ code: event.code ?? 1000, reason: event.reason ?? '' });
      },
    },
  });

  const server: Server = createServer((req, res) => {
    if (req.url === '/api/health') {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ ok: true, documents: relay.hocuspocus.getDocumentsCount() }));
      return;
    }
    if (serveStatic) {
      serveStatic(req, res, () => notFound(res));
      return;
    }
    res.writeHead(503, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end('The PWA is not built yet: run `npm run build` (or `npm start`, which builds it).\n');
  });

  server.on('upgrade', (req, socket, head) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (path !== SYNC_PATH) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    ws.handleUpgrade(req, socket, head);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  // Loopback and wildcard binds are reachable as localhost from this machine.
  const host =
    !options.host || ['127.0.0.1', '0.0.0.0', '::1', '::'].includes(options.host)
      ? 'localhost'
      : options.host;
  const url = `http://${host}:${port}`;

  let closing: Promise<void> | undefined;
  return {
    url,
    syncUrl: `ws://${host}:${port}${SYNC_PATH}`,
    port,
    hocuspocus: relay.hocuspocus,
    close() {
      closing ??= (async () => {
        server.close();
        server.closeAllConnections();
        await relay.close();
      })();
      return closing;
    },
  };
}

function connectionOf(peer: unknown) {
  return (
    peer as {
      hocuspocus?: {
        handleMessage(data: Uint8Array): void;
        handleClose(e: { code: number; reason: string }): void;
      };
    }
  ).hocuspocus;
}

function notFound(res: ServerResponse) {
  res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
  res.end('Not found\n');
}
