import { describe, expect, it } from 'vitest';
import { howFoundWords, LIKELY_AI_WORDS } from './labels.ts';

describe('howFoundWords', () => {
  it('says a visit to a host only its name says is AI is "possibly AI — not in the catalog"', () => {
    expect(howFoundWords({ toolKey: 'host:photo-ai.ai', signal: 'visit' })).toBe(
      `You visited it: ${LIKELY_AI_WORDS}`,
    );
    expect(LIKELY_AI_WORDS).toMatch(/^Possibly AI — not in the catalog/);
  });

  it('leaves catalog tools and an employee’s own flag of an unknown host as they are', () => {
    expect(howFoundWords({ toolKey: 'openai-chatgpt', signal: 'visit' })).toBe('You visited it');
    expect(howFoundWords({ toolKey: 'host:intranet.example', signal: 'flag' })).toBe(
      'You flagged it',
    );
  });
});
