import { describe, expect, it } from 'vitest';
import { extensionToolKey, hostToolKey, isToolKey } from './values.ts';

describe('tool keys', () => {
  it.each(['openai-chatgpt', hostToolKey('notes.example.ai'), extensionToolKey('a'.repeat(32))])(
    'accepts %s',
    (key) => {
      expect(isToolKey(key)).toBe(true);
    },
  );

  it.each([
    'OpenAI',
    'host:',
    'host:not a host',
    'extension:',
    'extension:xyz',
    `extension:${'z'.repeat(32)}`,
    42,
    null,
  ])('rejects %j', (key) => {
    expect(isToolKey(key)).toBe(false);
  });
});
