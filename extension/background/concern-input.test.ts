import { describe, expect, it } from 'vitest';
import { concernFromInput } from './concern-input.ts';
import type { ConcernInput } from './messages.ts';

const AT = Date.UTC(2027, 0, 5, 10);

describe('concernFromInput', () => {
  it('keeps only the fields of the form, trimmed', () => {
    const input = {
      host: 'ChatGPT.com',
      toolKey: 'chatgpt',
      toolName: ' ChatGPT ',
      what: ' It made up a policy ',
      url: 'https://chatgpt.com/c/secret',
      pageText: 'private',
    } as ConcernInput;
    expect(concernFromInput(input, 'c1', AT)).toEqual({
      id: 'c1',
      host: 'chatgpt.com',
      toolKey: 'chatgpt',
      toolName: 'ChatGPT',
      what: 'It made up a policy',
      createdAt: AT,
    });
  });

  it('refuses an empty concern, a path instead of a hostname, and text past the limit', () => {
    expect(concernFromInput({ toolName: 'X', what: '  ' }, 'c1', AT)).toEqual({
      error: 'say what happened',
    });
    expect(concernFromInput({ host: 'a.com/secret', toolName: 'X', what: 'y' }, 'c1', AT)).toEqual({
      error: 'the site is not a hostname',
    });
    expect(concernFromInput({ toolName: 'X', what: 'y'.repeat(2001) }, 'c1', AT)).toHaveProperty(
      'error',
    );
  });

  it('keeps a name only when one was given', () => {
    const named = concernFromInput({ toolName: 'X', what: 'y', name: ' Sam ' }, 'c1', AT);
    expect(named).toMatchObject({ name: 'Sam' });
    expect(concernFromInput({ toolName: 'X', what: 'y', name: '' }, 'c1', AT)).not.toHaveProperty(
      'name',
    );
  });
});
