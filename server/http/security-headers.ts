import type { IncomingMessage, ServerResponse } from 'node:http';

/** A Host header we are willing to repeat in a policy: a hostname or [IPv6], and a port. */
const HOST = /^(?:[a-z0-9.-]{1,253}|\[[0-9a-f:.]{2,45}\])(?::\d{1,5})?$/i;

/** Written in pwa/index.html; the server puts a fresh nonce in its place in every page it sends. */
export const CSP_NONCE_PLACEHOLDER = '__SIGHTLINE_CSP_NONCE__';

/**
 * The PWA's Content-Security-Policy: nothing but its own origin, no inline script, no inline
 * style but the page's nonce, no plugins, no <base> rewriting, no framing.
 *
 * Styles: style attributes set through the DOM (React, Radix, recharts) are not subject to
 * style-src, but <style> elements are, and Radix's modal scroll lock (react-remove-scroll-bar)
 * injects one whose text depends on the scrollbar's width, so no hash can name it. The page's
 * nonce (read by main.tsx, used by get-nonce) lets those in and nothing else.
 *
 * The relay's WebSocket is same-origin ('self' covers ws: and wss: in CSP Level 3 browsers); the
 * host's ws/wss origins are also named, for browsers that read 'self' as http(s) only.
 */
export function contentSecurityPolicy(host?: string, nonce?: string): string {
  const sockets = host && HOST.test(host) ? ` ws://${host} wss://${host}` : '';
  const styleNonce = nonce && /^[A-Za-z0-9+/=]{16,64}$/.test(nonce) ? ` 'nonce-${nonce}'` : '';
  return [
    "default-src 'self'",
    "script-src 'self'",
    `style-src 'self'${styleNonce}`,
    `connect-src 'self'${sockets}`,
    "img-src 'self' data:",
    "font-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The headers every response of the PWA carries (the page with its style nonce). */
export function setSecurityHeaders(
  req: IncomingMessage,
  res: ServerResponse,
  nonce?: string,
): void {
  res.setHeader('Content-Security-Policy', contentSecurityPolicy(req.headers.host, nonce));
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Referrer-Policy', 'no-referrer');
}
