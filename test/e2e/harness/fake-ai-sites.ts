import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { tempDir } from '../../helpers/temp-dir.ts';

export interface FakeAiSites {
  port: number;
  /** Chromium flags that send these hostnames to this server instead of the internet. */
  resolverArgs: string[];
  /** Every request the server saw (host and path), to check what a page really asked for. */
  requests: { host: string; path: string }[];
  close(): Promise<void>;
}

/**
 * A local HTTPS server that answers for real AI hostnames (chatgpt.com, api.openai.com…) and for
 * ordinary sites that call AI APIs from their pages, on a certificate made at test time. With
 * Chromium's host-resolver rules the extension sees the real hostnames in its events
 * (../shared/reference/browser-testing.md).
 */
export async function startFakeAiSites(hosts: string[]): Promise<FakeAiSites> {
  const dir = tempDir('sightline-tls-');
  const made = spawnSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '1',
      '-subj',
      '/CN=sightline-test',
      '-keyout',
      join(dir.path, 'key.pem'),
      '-out',
      join(dir.path, 'cert.pem'),
    ],
    { encoding: 'utf8' },
  );
  if (made.status !== 0)
    throw new Error(`openssl could not make a test certificate: ${made.stderr}`);
  const requests: { host: string; path: string }[] = [];
  const server: Server = createServer(
    {
      key: readFileSync(join(dir.path, 'key.pem')),
      cert: readFileSync(join(dir.path, 'cert.pem')),
    },
    (req, res) => {
      const host = (req.headers.host ?? '').replace(/:\d+$/, '');
      requests.push({ host, path: req.url ?? '/' });
      if (host.startsWith('api.')) {
        res.writeHead(200, {
          'Content-Type': 'application/json',
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Headers': '*',
        });
        res.end('{"object":"list","data":[]}');
        return;
      }
      const callApi = new URL(req.url ?? '/', 'https://x').searchParams.get('call');
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(`<!doctype html><html><head><title>${host} secret page title</title></head>
<body><h1 id="heading">Welcome to ${host}</h1><p>secret page text</p>
<textarea id="prompt">typed secret prompt</textarea>
${callApi ? `<script>fetch('https://${callApi}/v1/models', { method: 'POST', body: 'secret body' }).then(() => document.body.dataset.called = 'yes')</script>` : ''}
</body></html>`);
    },
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const rules = hosts.map((host) => `MAP ${host} 127.0.0.1:${port}`).join(', ');
  return {
    port,
    resolverArgs: [
      `--host-resolver-rules=${rules}, EXCLUDE localhost`,
      '--ignore-certificate-errors',
    ],
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => {
          dir.remove();
          resolve();
        });
      }),
  };
}
