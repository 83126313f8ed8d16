import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '../../shared/catalog/catalog.ts';
import { matchInput } from '../../shared/detection/match-input.ts';
import { compileMatcher } from '../../shared/detection/matcher.ts';
import { HIGH_SCORE, LIKELY_SCORE } from '../../shared/catalog/likely-ai/likely-ai.ts';
import { likelyMatch } from '../../shared/detection/with-likely-ai.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'detection');
const hosts = (file: string) =>
  readFileSync(join(fixtures, file), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));

/**
 * Detection quality on the project's own test set (docs/catalog.md): AI hosts drawn from public
 * material, written without looking at the catalog, and thousands of popular non-AI hosts with the
 * tricky cases (non-AI subdomains of AI vendors, shared clouds and CDNs, lookalike names).
 */
describe('detection quality on the test set', () => {
  const matcher = compileMatcher(builtInCatalog());
  const positives = hosts('ai-hosts.txt');
  const negatives = hosts('non-ai-hosts.txt');

  it('uses a test set of a useful size', () => {
    expect(positives.length).toBeGreaterThanOrEqual(500);
    expect(negatives.length).toBeGreaterThanOrEqual(2000);
  });

  it('recognises at least 90 % of AI hosts', () => {
    const missed = positives.filter((host) => !matchInput(matcher, host));
    const recall = 1 - missed.length / positives.length;
    expect(recall, `missed: ${missed.join(' ')}`).toBeGreaterThanOrEqual(0.9);
  });

  it('matches at most 0.1 % of popular non-AI hosts', () => {
    const wrong = negatives
      .filter((host) => matchInput(matcher, host))
      .map((host) => `${host}→${matchInput(matcher, host)!.toolId}`);
    expect(
      wrong.length / negatives.length,
      `false positives: ${wrong.join(' ')}`,
    ).toBeLessThanOrEqual(0.001);
  });

  it('lists at most 0.1 % of popular non-AI hosts as likely AI, and none at the high score', () => {
    const likely = negatives
      .filter((host) => !matchInput(matcher, host))
      .map((host) => likelyMatch(host, LIKELY_SCORE))
      .filter((match) => match !== undefined);
    expect(
      likely.length / negatives.length,
      `likely: ${likely.map((m) => `${m.host} ${m.likely?.score}`).join(' ')}`,
    ).toBeLessThanOrEqual(0.001);
    expect(likely.filter((m) => m.likely!.score >= HIGH_SCORE)).toEqual([]);
  });
});
