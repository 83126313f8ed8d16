import { describe, expect, it } from 'vitest';
import { parseRoute } from './hash-route.ts';

describe('parseRoute', () => {
  it('reads the path and the query of a hash', () => {
    const route = parseRoute('#/join?workspace=acme&token=a.b.c');
    expect(route.path).toBe('join');
    expect(route.params.get('workspace')).toBe('acme');
    expect(route.params.get('token')).toBe('a.b.c');
  });

  it('treats an empty hash, a bare # and extra segments calmly', () => {
    expect(parseRoute('').path).toBe('');
    expect(parseRoute('#').path).toBe('');
    expect(parseRoute('#/').path).toBe('');
    expect(parseRoute('#/Inbox/openai-chatgpt').path).toBe('inbox');
    expect(parseRoute('#inbox').path).toBe('inbox');
  });

  it('keeps a question mark inside the query', () => {
    expect(parseRoute('#/join?token=a?b').params.get('token')).toBe('a?b');
  });
});
