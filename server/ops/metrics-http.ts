import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { TokenService } from '../auth/token-service.ts';
import { bearerToken } from '../http/json.ts';
import type { RelayMetrics } from './metrics.ts';

async function send(res: ServerResponse, metrics: RelayMetrics): Promise<void> {
  const text = await metrics.registry.metrics();
  res.writeHead(200, { 'Content-Type': metrics.registry.contentType, 'Cache-Control': 'no-store' });
  res.end(text);
}

/**
 * `GET /metrics` on the relay's own port (docs/sync.md OPS1): an admin's token of any workspace,
 * as `Authorization: Bearer`; anyone else gets 401 or 403. Returns false for other paths.
 */
export async function handleMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  metrics: RelayMetrics,
  tokens: TokenService,
): Promise<boolean> {
  if (new URL(req.url ?? '/', 'http://relay').pathname !== '/metrics') return false;
  const token = bearerToken(req);
  const refuse = (status: number, error: string) => {
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ error }));
  };
  if (req.method !== 'GET') return (refuse(405, 'GET /metrics'), true);
  if (!token) return (refuse(401, 'send Authorization: Bearer <admin token>'), true);
  try {
    const { principal } = await tokens.verify(token);
    if (principal.role !== 'admin') return (refuse(403, 'only admins read the metrics'), true);
  } catch {
    return (refuse(401, 'token not accepted'), true);
  }
  await send(res, metrics);
  return true;
}

/**
 * `serve --metrics-port N [--metrics-host H]`: the metrics alone on a port of their own, without a
 * token, for a Prometheus that scrapes from inside the network (loopback by default).
 */
export async function startMetricsServer(
  metrics: RelayMetrics,
  port: number,
  host = '127.0.0.1',
): Promise<{ server: Server; port: number }> {
  const server = createServer((req, res) => {
    if (req.method === 'GET' && new URL(req.url ?? '/', 'http://m').pathname === '/metrics')
      void send(res, metrics).catch(() => res.writeHead(500).end());
    else res.writeHead(404).end();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address();
  return { server, port: typeof address === 'object' && address ? address.port : port };
}
