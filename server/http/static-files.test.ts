import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './security-headers.ts';
import { staticFiles } from './static-files.ts';

let root: string;
let server: Server;
let base: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sightline-static-'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(
    join(root, 'index.html'),
    '<!doctype html><meta name="csp-nonce" content="__SIGHTLINE_CSP_NONCE__"><title>x</title>',
  );
  writeFileSync(join(root, 'assets', 'app-1234.js'), 'export {};');
  writeFileSync(join(root, 'assets', 'app-1234.js.map'), '{"version":3,"sources":["app.ts"]}');
  const serve = staticFiles(root);
  server = createServer((req, res) =>
    serve(req, res, () => {
      res.writeHead(404);
      res.end();
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  rmSync(root, { recursive: true, force: true });
});

const directives = (policy: string) =>
  Object.fromEntries(
    policy.split('; ').map((d) => {
      const [name = '', ...values] = d.split(' ');
      return [name, values];
    }),
  );

describe('the PWA over HTTP', () => {
  it('sends a strict Content-Security-Policy with the app, its deep links and its assets', async () => {
    for (const path of ['/', '/inventory/rec-1', '/assets/app-1234.js']) {
      const response = await fetch(base + path);
      expect(response.status).toBe(200);
      const policy = directives(response.headers.get('content-security-policy') ?? '');
      const host = new URL(base).host;
      const body = await response.text();
      const nonce = /content="([^"]+)"/.exec(body)?.[1];
      const isPage = !path.startsWith('/assets/');
      expect(policy).toEqual({
        'default-src': ["'self'"],
        'script-src': ["'self'"],
        'style-src': isPage ? ["'self'", `'nonce-${nonce}'`] : ["'self'"],
        'connect-src': ["'self'", `ws://${host}`, `wss://${host}`],
        'img-src': ["'self'", 'data:'],
        'font-src': ["'self'"],
        'worker-src': ["'self'"],
        'manifest-src': ["'self'"],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
      });
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    }
  });

  it('gives every page a fresh style nonce, in the policy and in the page', async () => {
    const nonces = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const response = await fetch(base + '/');
      const nonce = /content="([^"]+)"/.exec(await response.text())?.[1] ?? '';
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(response.headers.get('content-security-policy')).toContain(`'nonce-${nonce}'`);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      nonces.add(nonce);
    }
    expect(nonces.size).toBe(3);
  });

  it('H17: never serves a source map, even one left in the build', async () => {
    for (const path of ['/assets/app-1234.js.map', '/assets/APP-1234.JS.MAP', '/x.map']) {
      const response = await fetch(base + path);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain('sources');
    }
  });

  it('never repeats a Host header that is not a plain host in the policy', () => {
    expect(contentSecurityPolicy('localhost:8787')).toContain(
      "connect-src 'self' ws://localhost:8787 wss://localhost:8787;",
    );
    expect(contentSecurityPolicy('[::1]:8787')).toContain('ws://[::1]:8787');
    for (const hostile of ["evil.example; script-src 'unsafe-inline'", 'a b', '*', '']) {
      expect(contentSecurityPolicy(hostile)).toContain("connect-src 'self';");
    }
    expect(contentSecurityPolicy(undefined)).not.toContain('unsafe');
    expect(contentSecurityPolicy('x', "abc' 'unsafe-inline")).toContain("style-src 'self';");
  });
});
