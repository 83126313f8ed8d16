import { describe, expect, it } from 'vitest';
import { HIGH_SCORE, LIKELY_SCORE, scoreLikelyAi } from './likely-ai.ts';
import { segment } from './segment.ts';

describe('segment', () => {
  it('splits a label into known words, fewest first', () => {
    expect(segment('gptzero')).toEqual(['gpt', 'zero']);
    expect(segment('chatwithpdf')).toEqual(['chat', 'with', 'pdf']);
    // One known word beats an AI word hiding inside it.
    expect(segment('email')).toEqual(['email']);
    expect(segment('portrait')).toEqual(['portrait']);
  });

  it('gives nothing for letters that are not all known words', () => {
    expect(segment('dubai')).toBeUndefined();
    expect(segment('airbnb')).toBeUndefined();
    expect(segment('')).toBeUndefined();
  });
});

describe('scoreLikelyAi', () => {
  it.each([
    // Indie AI products named the way the issue describes (examples of the shapes, not a list).
    ['gptzero.me', HIGH_SCORE],
    ['notegpt.io', HIGH_SCORE],
    ['photo-ai.ai', HIGH_SCORE],
    ['my-gpt-app.vercel.app', HIGH_SCORE],
    ['photoai.com', LIKELY_SCORE],
    ['chatpdf.com', LIKELY_SCORE],
    ['otter.ai', LIKELY_SCORE],
  ])('%s says AI (score ≥ %s)', (host, atLeast) => {
    const likely = scoreLikelyAi(host);
    expect(likely?.score, host).toBeGreaterThanOrEqual(atLeast);
    expect(likely?.reasons.length).toBeGreaterThan(0);
  });

  it('says why, strongest reason first', () => {
    expect(scoreLikelyAi('photo-ai.ai')).toEqual({
      host: 'photo-ai.ai',
      domain: 'photo-ai.ai',
      score: 0.88,
      reasons: ['its name reads “photo ai” (ai)', 'an .ai domain'],
    });
  });

  it('keys a host by its registrable domain, one label deeper under a country code or a platform', () => {
    expect(scoreLikelyAi('app.writer-ai.co.uk')?.domain).toBe('writer-ai.co.uk');
    expect(scoreLikelyAi('cdn.otter.ai')?.domain).toBe('otter.ai');
    expect(scoreLikelyAi('chat-with-pdf.vercel.app')?.domain).toBe('chat-with-pdf.vercel.app');
  });

  it.each([
    // `ai` inside ordinary words and place names.
    'dubai.com',
    'mumbai.gov.in',
    'shanghai.cn',
    'thai.com',
    'email.com',
    'mail.google.com',
    'airbnb.com',
    'aia.com',
    'allmusic.com',
    // Anguilla's registry and government under .ai.
    'gov.ai',
    'www.gov.ai',
    'com.ai',
  ])('%s is not likely AI', (host) => {
    expect(scoreLikelyAi(host)?.score ?? 0).toBeLessThan(LIKELY_SCORE);
  });

  it('gives a subdomain less weight than the name: chat.google.com is not likely AI', () => {
    expect(scoreLikelyAi('chat.google.com')?.score).toBeLessThan(LIKELY_SCORE);
    expect(scoreLikelyAi('ai.example.com')?.score).toBeLessThan(LIKELY_SCORE);
  });

  it('never throws on garbage', () => {
    for (const input of ['', '.', 'ai', '..ai', 'xn--80ak6aa92e.ai', 'a'.repeat(300), 42 as never])
      expect(() => scoreLikelyAi(input)).not.toThrow();
  });
});
