/**
 * Hands the page's CSP style nonce (a <meta name="csp-nonce"> the server fills in for every page)
 * to the <style> elements that Radix's modal scroll lock injects: react-style-singleton asks
 * get-nonce, which reads the global `__webpack_nonce__`. Without a real nonce (the Vite dev
 * server leaves the placeholder) nothing is set.
 */
export function adoptStyleNonce(
  doc: Document,
  global: Record<string, unknown>,
): string | undefined {
  const nonce = doc.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') ?? '';
  if (!/^[A-Za-z0-9+/=]{16,64}$/.test(nonce)) return undefined;
  global.__webpack_nonce__ = nonce;
  return nonce;
}
