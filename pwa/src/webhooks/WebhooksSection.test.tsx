import { afterEach, describe, expect, it } from 'vitest';
import { button, cleanup, click, render, type } from '../test-support/render.tsx';
import type { WebhooksApi, WebhookShown } from './webhooks-api.ts';
import { WebhooksSection } from './WebhooksSection.tsx';

afterEach(cleanup);

const credentials = {
  workspace: 'acme',
  token: 'T',
  role: 'admin' as const,
  tokenId: 'a'.repeat(32),
};

/** Answers as the relay's webhook API would (its real answers are checked in test/integration/webhooks.test.ts). */
function fakeApi() {
  const calls: string[] = [];
  const webhooks: WebhookShown[] = [
    {
      id: 'abcdef0123456789',
      url: 'https://hooks.example.com/<script>',
      events: ['discovery.new'],
      format: 'teams',
      createdBy: 'Ada',
      createdAt: 1,
      deliveries: [
        {
          at: Date.UTC(2026, 11, 7, 4),
          event: 'discovery.new',
          eventId: 'e1',
          attempt: 1,
          status: 503,
          ok: false,
          error: 'HTTP 503',
        },
        {
          at: Date.UTC(2026, 11, 7, 4, 0, 1),
          event: 'discovery.new',
          eventId: 'e1',
          attempt: 2,
          status: 204,
          ok: true,
        },
      ],
    },
  ];
  const api: WebhooksApi = {
    list: async () => (calls.push('list'), { ok: true, value: webhooks }),
    add: async (request) => (
      calls.push(`add ${request.url} ${request.format} ${request.events.join(',')}`),
      { ok: true, value: { id: 'fedcba9876543210', url: request.url, secret: 'f'.repeat(64) } }
    ),
    remove: async (id) => (calls.push(`remove ${id}`), { ok: true, value: true }),
    test: async (id) => (
      calls.push(`test ${id}`),
      { ok: false, kind: 'refused', status: 404, error: 'no webhook' }
    ),
  };
  return { api, calls };
}

describe('Settings → Webhooks (docs/sync.md HOOK1–HOOK6)', () => {
  it('asks nothing until opened, then lists each webhook with its latest delivery and log, as text', async () => {
    const { api, calls } = fakeApi();
    const view = await render(<WebhooksSection credentials={credentials} api={api} />);
    expect(calls).toEqual([]);
    await click(button(view, 'Show webhooks'));
    expect(calls).toEqual(['list']);
    const item = view.querySelector('[data-webhook-id="abcdef0123456789"]')!;
    expect(item.querySelector('.webhooks-url')?.textContent).toBe(
      'https://hooks.example.com/<script>',
    );
    expect(item.querySelector('script')).toBeNull();
    expect(item.querySelector('summary')?.textContent).toBe(
      'Latest: 2026-12-07 04:00:01 UTC — discovery.new, attempt 2: delivered (204)',
    );
    expect([...item.querySelectorAll('.webhooks-log li')].map((li) => li.textContent)).toEqual([
      '2026-12-07 04:00:01 UTC — discovery.new, attempt 2: delivered (204)',
      '2026-12-07 04:00:00 UTC — discovery.new, attempt 1: failed (503): HTTP 503',
    ]);
  });

  it('adds a webhook and shows its secret once; says why a test failed', async () => {
    const { api, calls } = fakeApi();
    const view = await render(<WebhooksSection credentials={credentials} api={api} />);
    await click(button(view, 'Show webhooks'));
    await type(view.querySelector('input[type="url"]'), 'https://hooks.slack.com/services/x');
    await click(button(view, 'Add webhook'));
    expect(calls).toContain(
      'add https://hooks.slack.com/services/x json discovery.new,discovery.spike',
    );
    expect(view.querySelector('.webhooks-secret code')?.textContent).toBe('f'.repeat(64));
    await click(button(view, 'Done'));
    expect(view.querySelector('.webhooks-secret')).toBeNull();
    await click(button(view, 'Send test'));
    expect(view.querySelector('[role="alert"]')?.textContent).toContain('no webhook');
  });
});
