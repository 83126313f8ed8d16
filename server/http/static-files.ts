import type { IncomingMessage, ServerResponse } from 'node:http';
import sirv from 'sirv';

/**
 * Serves the built PWA. Unknown paths fall back to index.html (the app routes in the hash, but
 * deep links should still open the app). The service worker and its manifest are never cached
 * by the browser's HTTP cache, so an update is always seen; hashed assets are immutable.
 */
export function staticFiles(
  root: string,
): (req: IncomingMessage, res: ServerResponse, next: () => void) => void {
  return sirv(root, {
    single: true,
    etag: true,
    gzip: false,
    setHeaders(res, pathname) {
      if (pathname.startsWith('/assets/')) {
        res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
      } else {
        res.setHeader('Cache-Control', 'no-cache');
      }
      res.setHeader('X-Content-Type-Options', 'nosniff');
    },
  });
}
