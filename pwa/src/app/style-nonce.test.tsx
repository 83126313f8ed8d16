import { describe, expect, it } from 'vitest';
import { adoptStyleNonce } from './style-nonce.ts';

function page(content?: string) {
  const doc = document.implementation.createHTMLDocument('x');
  if (content !== undefined) {
    const meta = doc.createElement('meta');
    meta.name = 'csp-nonce';
    meta.content = content;
    doc.head.append(meta);
  }
  return doc;
}

describe("the page's style nonce", () => {
  it('is handed to get-nonce when the server filled it in', () => {
    const global: Record<string, unknown> = {};
    expect(adoptStyleNonce(page('q2v4PzB1cNz0Yp8m3Rk7Lw=='), global)).toBe(
      'q2v4PzB1cNz0Yp8m3Rk7Lw==',
    );
    expect(global.__webpack_nonce__).toBe('q2v4PzB1cNz0Yp8m3Rk7Lw==');
  });

  it('is left alone when the page still has the placeholder, or none', () => {
    for (const doc of [page('__SIGHTLINE_CSP_NONCE__'), page(), page('"><x>')]) {
      const global: Record<string, unknown> = {};
      expect(adoptStyleNonce(doc, global)).toBeUndefined();
      expect(global).toEqual({});
    }
  });
});
