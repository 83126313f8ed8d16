import { afterEach, describe, expect, it } from 'vitest';
import { button, cleanup, click, render, type } from '../../test-support/render.tsx';
import type { DigestShown, DigestsApi } from './digests-api.ts';
import { DigestsSection } from './DigestsSection.tsx';

afterEach(cleanup);

const credentials = {
  workspace: 'acme',
  token: 'T',
  role: 'lead' as const,
  tokenId: 'a'.repeat(32),
};

/** Answers as the relay's digest API would (its real answers: test/integration/digests.test.ts). */
function fakeApi(sending = true) {
  const calls: string[] = [];
  const digests: DigestShown[] = [
    {
      id: 'abcdef0123456789',
      address: 'governance@example.com',
      every: 'daily',
      createdBy: 'Ada',
      last: {
        periodKey: '2026-12-06',
        status: 'sent',
        attempt: 3,
        updatedAt: 1,
      },
    },
  ];
  const api: DigestsApi = {
    list: async () => (calls.push('list'), { ok: true, value: { sending, digests } }),
    add: async (request) =>
      request.to.includes('@')
        ? (calls.push(`add ${request.to} ${request.every}`),
          {
            ok: true,
            value: { id: 'f'.repeat(16), address: request.to, every: request.every, createdBy: '' },
          })
        : { ok: false, kind: 'refused', status: 400, error: 'a digest goes to one e-mail address' },
    remove: async (id) => (calls.push(`remove ${id}`), { ok: true, value: true }),
  };
  return { api, calls };
}

describe('Settings → E-mail digests (docs/sync.md DIG5)', () => {
  it('asks nothing until opened, then lists each digest with its latest delivery', async () => {
    const { api, calls } = fakeApi();
    const view = await render(<DigestsSection credentials={credentials} api={api} />);
    expect(calls).toEqual([]);
    await click(button(view, 'Show e-mail digests'));
    expect(calls).toEqual(['list']);
    const item = view.querySelector('[data-digest-id="abcdef0123456789"]')!;
    expect(item.textContent).toContain('governance@example.com');
    expect(item.textContent).toContain('Latest: 2026-12-06, sent after 3 attempts');
    expect(view.textContent).not.toContain('no mail server');
  });

  it('adds and removes a digest; says when the relay has no mail server', async () => {
    const { api, calls } = fakeApi(false);
    const view = await render(<DigestsSection credentials={credentials} api={api} />);
    await click(button(view, 'Show e-mail digests'));
    expect(view.textContent).toContain('This relay has no mail server');
    await type(view.querySelector('input[type="email"]'), 'ciso@example.com');
    await click(button(view, 'Add digest'));
    expect(calls).toContain('add ciso@example.com weekly');
    expect(view.querySelector('[role="status"]')?.textContent).toBe(
      'ciso@example.com will receive the weekly digest.',
    );
    await click(button(view, 'Remove'));
    expect(calls).toContain('remove abcdef0123456789');
  });
});
