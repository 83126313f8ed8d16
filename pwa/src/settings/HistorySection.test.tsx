import { afterEach, describe, expect, it } from 'vitest';
import type { Role } from '../../../shared/auth/access.ts';
import { button, choose, cleanup, click, render } from '../test-support/render.tsx';
import { createHistoryApi } from './history-api.ts';
import { HistorySection } from './HistorySection.tsx';
import { Settings } from './Settings.tsx';
import { fakeTokensRelay } from './fake-tokens-relay.ts';
import { createTokensApi } from './tokens-api.ts';

afterEach(cleanup);

const HOSTILE = '<img src=x onerror=alert(1)>';

/** Answers like the relay's history API (server/http/history-api.ts), recording each call. */
function fakeHistoryRelay() {
  const calls: { method: string; url: string; body: unknown }[] = [];
  const fetcher = (async (url: string, init?: RequestInit) => {
    const body = init?.body
      ? (JSON.parse(String(init.body)) as Record<string, unknown>)
      : undefined;
    calls.push({ method: init?.method ?? 'GET', url, body });
    const json = (status: number, value: unknown) =>
      new Response(JSON.stringify(value), {
        status,
        headers: { 'content-type': 'application/json' },
      });
    if (url.startsWith('/api/history?'))
      return json(200, {
        checkpoints: [
          { at: '2026-12-07T10:00:00.000Z', bytes: 40_960 },
          { at: '2026-12-07T09:00:00.000Z', bytes: 20_480 },
          { at: 'not a time', bytes: 1 },
        ],
      });
    return json(200, {
      from: body?.at,
      changes: ['records.r1 restored', `records.${HOSTILE} removed`],
      applied: body?.preview !== true,
    });
  }) as typeof fetch;
  return { calls, api: createHistoryApi('MY-TOKEN', fetcher) };
}

const credentials = (role: Role) => ({
  workspace: 'acme',
  token: 'MY-TOKEN',
  role,
  tokenId: 'a'.repeat(32),
});

describe('Settings → History (docs/sync.md DR7–DR8)', () => {
  it('lists the checkpoints, previews what a restore changes, and restores only after the preview', async () => {
    const relay = fakeHistoryRelay();
    const view = await render(
      <HistorySection credentials={credentials('admin')} api={relay.api} />,
    );
    expect(relay.calls).toEqual([]); // nothing asked until opened
    await click(button(view, 'Show checkpoints'));
    const labels = [...view.querySelectorAll('.history-list label')].map((l) =>
      l.textContent?.trim(),
    );
    expect(labels).toEqual(['2026-12-07 10:00:00 UTC (40 KB)', '2026-12-07 09:00:00 UTC (20 KB)']);
    expect(button(view, 'Restore').disabled).toBe(true);

    await click(view.querySelector('input[value="2026-12-07T09:00:00.000Z"]'));
    await click(button(view, 'Preview'));
    expect(relay.calls.at(-1)).toEqual({
      method: 'POST',
      url: '/api/history/restore',
      body: { document: 'acme/registry', at: '2026-12-07T09:00:00.000Z', preview: true },
    });
    expect(view.querySelector('.history-preview')?.textContent).toContain('would make 2 change(s)');
    expect(view.querySelector('img')).toBeNull(); // a change's words are text, never markup

    await click(button(view, 'Restore'));
    expect(relay.calls.at(-2)?.body).toMatchObject({ preview: false });
    expect(view.textContent).toContain(
      'Restored the registry to 2026-12-07 09:00:00 UTC: 2 change(s)',
    );

    await choose(view.querySelector('select'), 'policy');
    expect(relay.calls.at(-1)?.url).toBe('/api/history?document=acme%2Fpolicy');
  });

  it('is shown to admins only', async () => {
    for (const role of ['admin', 'lead'] as const) {
      const view = await render(
        <Settings
          credentials={credentials(role)}
          api={createTokensApi('MY-TOKEN', fakeTokensRelay(role).fetch)}
          history={fakeHistoryRelay().api}
        />,
      );
      expect([role, view.querySelector('#history-heading') !== null]).toEqual([
        role,
        role === 'admin',
      ]);
      cleanup();
    }
  });
});
