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

  it('keeps the segments after the path, decoded and as written', () => {
    expect(parseRoute('#/inventory/Rec-1').rest).toEqual(['Rec-1']);
    expect(parseRoute('#/inventory/a%20b/?x=1').rest).toEqual(['a b']);
    expect(parseRoute('#/inventory/%E0%A4%A').rest).toEqual(['%E0%A4%A']);
    expect(parseRoute('#/inventory').rest).toEqual([]);
  });

  it('keeps a question mark inside the query', () => {
    expect(parseRoute('#/join?token=a?b').params.get('token')).toBe('a?b');
  });
});
