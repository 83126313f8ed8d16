import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import sirv from 'sirv';
import { CSP_NONCE_PLACEHOLDER, setSecurityHeaders } from './security-headers.ts';

/** Paths that are the app itself (the page, and deep links without a file extension). */
const isAppPage = (pathname: string) =>
  pathname === '/index.html' || !/\.[A-Za-z0-9]+$/.test(pathname);

/**
 * Serves the built PWA. Unknown paths fall back to index.html (the app routes in the hash, but
 * deep links should still open the app). The service worker and its manifest are never cached
 * by the browser's HTTP cache, so an update is always seen; hashed assets are immutable. Every
 * response carries the strict Content-Security-Policy (security-headers.ts); the page gets a
 * fresh style nonce, which the app hands to the <style> elements Radix's scroll lock injects.
 */
export function staticFiles(
  root: string,
): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  const serve = sirv(root, {
    single: true,
    etag: true,
    gzip: false,
    setHeaders(res, pathname) {
      if (pathname.startsWith('/assets/')) {
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      } else {
        res.setHeader('Cache-Control', 'no-cache');
      }
    },
  });
  return (req, res, next) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    const method = req.method ?? 'GET';
    // H17: source maps would hand a stranger the app's source as written; they stay on the build machine.
    if (pathname.toLowerCase().endsWith('.map')) {
      next();
      return;
    }
    if (!isAppPage(pathname) || (method !== 'GET' && method !== 'HEAD')) {
      setSecurityHeaders(req, res);
      serve(req, res, next);
      return;
    }
    readFile(join(root, 'index.html'), 'utf8').then(
      (page) => {
        const nonce = randomBytes(16).toString('base64');
        setSecurityHeaders(req, res, nonce);
        const body = Buffer.from(page.replaceAll(CSP_NONCE_PLACEHOLDER, nonce));
        res.writeHead(200, {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Length': body.length,
          'Cache-Control': 'no-cache',
        });
        res.end(method === 'HEAD' ? undefined : body);
      },
      () => next(),
    );
  };
}
