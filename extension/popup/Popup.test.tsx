import { act } from 'preact/test-utils';
import { createRoot } from 'react-dom/client';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SiteInfo, StatusResponse } from '../background/messages.ts';
import { fakeBackgroundClient, notEnrolledStatus } from '../ui/fake-background-client.ts';
import {
  byButton,
  byLabel,
  cleanup,
  click,
  render,
  settle,
  submit,
  type,
} from '../ui/render-for-test.tsx';
import { Popup } from './Popup.tsx';
import { statusStore } from './status-store.ts';
import { NOT_ENROLLED_SENTENCE } from './SyncState.tsx';

afterEach(cleanup);

const chatgpt: SiteInfo = {
  host: 'chatgpt.com',
  tool: { toolKey: 'chatgpt', name: 'ChatGPT', vendor: 'OpenAI', category: 'chat-assistant' },
};
const NOW = Date.UTC(2026, 5, 1, 12, 0, 0);

async function popup(
  client = fakeBackgroundClient(),
  url: string | undefined | Promise<string | undefined> = 'https://chatgpt.com/c/secret?q=1',
) {
  const openOptions = vi.fn();
  const view = await render(
    <Popup client={client} url={url} openOptions={openOptions} now={() => NOW} />,
  );
  const q = (selector: string) => view.container.querySelector(selector);
  return { ...view, openOptions, q, text: () => view.container.textContent ?? '' };
}

describe('popup: this site', () => {
  it('names the tool, its vendor and category, and says a banned tool is banned with the alternative', async () => {
    const client = fakeBackgroundClient({
      site: async () => ({
        ...chatgpt,
        status: {
          status: 'banned',
          guidance: 'Customer data must not leave.',
          alternative: 'Copilot',
        },
      }),
    });
    const { q, text } = await popup(client);
    expect(client.calls.find((c) => c.method === 'site')?.args).toEqual([
      'https://chatgpt.com/c/secret?q=1',
    ]);
    expect(q('[data-testid=site-tool]')?.textContent).toContain('ChatGPT');
    expect(text()).toContain('by OpenAI');
    expect(text()).toContain('Chat assistant');
    const status = q('[data-testid=site-status]');
    expect(status?.getAttribute('data-status')).toBe('banned');
    expect(status?.className).toContain('status-banned');
    expect(status?.textContent).toContain('Banned by your workspace');
    expect(status?.textContent).toContain('Customer data must not leave.');
    expect(status?.textContent).toContain('Use instead: Copilot');
  });

  it('shows approved, restricted with guidance, and not reviewed yet', async () => {
    for (const [status, words] of [
      ['approved', 'Approved by your workspace'],
      ['restricted', 'Restricted: use with care'],
    ] as const) {
      const client = fakeBackgroundClient({
        site: async () => ({ ...chatgpt, status: { status, guidance: 'No client names.' } }),
      });
      const { q, unmount } = await popup(client);
      expect(q('[data-testid=site-status]')?.textContent).toContain(words);
      expect(q('[data-testid=site-status]')?.textContent).toContain('No client names.');
      unmount();
    }
    const { q } = await popup(fakeBackgroundClient({ site: async () => chatgpt }));
    expect(q('[data-testid=site-status]')?.textContent).toContain('Not reviewed yet');
  });

  it('says when a site is not a known AI tool, and shows nothing for a page without a host', async () => {
    const { text, unmount } = await popup(fakeBackgroundClient(), 'https://example.org/');
    expect(text()).toContain('Not a known AI tool');
    expect(text()).toContain('example.org');
    unmount();
    const other = await popup(fakeBackgroundClient(), 'chrome://extensions/');
    expect(other.text()).not.toContain('This site');
  });

  it('shows a guidance text as text, never as markup', async () => {
    const client = fakeBackgroundClient({
      site: async () => ({
        ...chatgpt,
        status: { status: 'restricted', guidance: '<img src=x onerror=alert(1)>' },
      }),
    });
    const { q } = await popup(client);
    expect(q('img[src=x]')).toBeNull();
    expect(q('[data-testid=site-status]')?.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

describe('popup: sync state', () => {
  it('shows the sync state before the tab query answers, then the site (first render waits for one answer only)', async () => {
    let tabUrl: (url: string | undefined) => void = () => {};
    const client = fakeBackgroundClient({ site: async () => chatgpt });
    const { q, text } = await popup(client, new Promise((resolve) => (tabUrl = resolve)));
    expect(q('[data-testid=sync-state]')).not.toBeNull();
    expect(client.calls.some((c) => c.method === 'site')).toBe(false);
    tabUrl('https://chatgpt.com/');
    await settle();
    expect(text()).toContain('ChatGPT');
  });

  it('keeps the exact not-enrolled sentence', async () => {
    const { q } = await popup();
    expect(q('[data-testid=sync-state]')?.textContent?.trim()).toBe(
      'Not enrolled: detection works on this device only, and nothing leaves your browser.',
    );
  });

  it('says the workspace, the last sync and the changes waiting', async () => {
    const status: StatusResponse = {
      ...notEnrolledStatus,
      enrolled: true,
      workspace: 'acme',
      connection: 'connected',
      lastSyncAt: NOW - 2 * 60_000,
      pending: 3,
    };
    const { q } = await popup(fakeBackgroundClient({ status: async () => status }));
    const line = q('[data-testid=sync-state]')?.textContent ?? '';
    expect(line).toContain('Enrolled in acme.');
    expect(line).toContain('Synced 2 minutes ago.');
    expect(line).toContain('3 changes waiting to sync.');
  });

  it('says offline in words', async () => {
    const status: StatusResponse = {
      ...notEnrolledStatus,
      enrolled: true,
      workspace: 'acme',
      connection: 'offline',
      pending: 1,
    };
    const { q } = await popup(fakeBackgroundClient({ status: async () => status }));
    const line = q('[data-testid=sync-state]')?.textContent ?? '';
    expect(line).toContain('Offline');
    expect(line).toContain('1 change waiting to sync.');
    expect(line).toContain('Not synced yet.');
  });

  it('says so when the worker answers with an error', async () => {
    const client = fakeBackgroundClient({
      status: async () => ({ error: 'storage is unavailable' }) as never,
      site: async () => ({ error: 'no catalog' }) as never,
    });
    const { container } = await popup(client);
    const alerts = [...container.querySelectorAll('[role=alert]')].map((a) => a.textContent);
    expect(alerts).toEqual([
      'Could not check this site: no catalog',
      "The extension's worker did not answer: storage is unavailable",
    ]);
  });

  it('opens the options page from its link', async () => {
    const { container, openOptions } = await popup();
    await click(byButton(container, 'Privacy and settings'));
    expect(openOptions).toHaveBeenCalledOnce();
  });
});

describe('popup: flag this as an AI tool', () => {
  it('is prefilled with the host and the catalog guess, and sends purpose, data kinds and note', async () => {
    const client = fakeBackgroundClient({ site: async () => chatgpt });
    const { container, q } = await popup(client);
    const toggle = byButton(container, 'Flag this as an AI tool');
    await click(toggle);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect((byLabel(container, 'Site') as HTMLInputElement).value).toBe('chatgpt.com');
    expect((byLabel(container, 'Tool name') as HTMLInputElement).value).toBe('ChatGPT');
    await type(byLabel(container, 'What do you use it for?'), 'Drafting emails');
    await click(byLabel(container, 'Customer data'));
    await click(byLabel(container, 'Source code'));
    await type(byLabel(container, 'Note (optional)'), 'Team-wide');
    await submit(q('form'));
    const flag = client.calls.find((c) => c.method === 'flag');
    expect(flag?.args).toEqual([
      {
        host: 'chatgpt.com',
        toolKey: 'chatgpt',
        name: 'ChatGPT',
        purpose: 'Drafting emails',
        dataCategories: ['customer', 'source-code'],
        note: 'Team-wide',
      },
    ]);
    expect(q('[role=status].success')?.textContent).toContain('your flag is recorded');
  });

  it('makes "none" exclusive of the other kinds of data', async () => {
    const { container } = await popup();
    await click(byButton(container, 'Flag this as an AI tool'));
    await click(byLabel(container, 'Health'));
    await click(byLabel(container, 'None'));
    expect((byLabel(container, 'Health') as HTMLInputElement).checked).toBe(false);
    expect((byLabel(container, 'None') as HTMLInputElement).checked).toBe(true);
  });

  it('shows an error and keeps everything typed', async () => {
    const client = fakeBackgroundClient({ flag: async () => ({ error: 'the worker is busy' }) });
    const { container, q } = await popup(client, 'https://unknown-ai.example/');
    await click(byButton(container, 'Flag this as an AI tool'));
    await type(byLabel(container, 'Tool name'), 'Mystery AI');
    await type(byLabel(container, 'What do you use it for?'), 'Summaries');
    await click(byLabel(container, 'Personal data'));
    await submit(q('form'));
    expect(q('[role=alert]')?.textContent).toContain('the worker is busy');
    expect((byLabel(container, 'Tool name') as HTMLInputElement).value).toBe('Mystery AI');
    expect((byLabel(container, 'What do you use it for?') as HTMLTextAreaElement).value).toBe(
      'Summaries',
    );
    expect((byLabel(container, 'Personal data') as HTMLInputElement).checked).toBe(true);
    const flag = client.calls.find((c) => c.method === 'flag')?.args[0] as { toolKey?: string };
    expect(flag.toolKey).toBeUndefined();
  });

  it('refuses a host that is not a hostname without calling the worker', async () => {
    const client = fakeBackgroundClient();
    const { container, q } = await popup(client, undefined);
    await click(byButton(container, 'Flag this as an AI tool'));
    await type(byLabel(container, 'Site'), 'not a host');
    await submit(q('form'));
    expect(q('[role=alert]')?.textContent).toContain('address');
    expect(client.calls.some((c) => c.method === 'flag')).toBe(false);
  });
});

describe('popup: a status asked before it mounted', () => {
  it('is in its first frame, and the popup does not ask again', async () => {
    const status = statusStore(Promise.resolve(notEnrolledStatus));
    await vi.waitFor(() => expect(status.get().kind).toBe('ready'));
    const client = fakeBackgroundClient();
    const container = document.createElement('div');
    const root = createRoot(container);
    // Preact renders synchronously: what is in the container now is the first frame.
    void act(() =>
      root.render(<Popup client={client} status={status} url={undefined} openOptions={() => {}} />),
    );
    expect(container.querySelector('[data-testid=sync-state]')?.textContent).toContain(
      NOT_ENROLLED_SENTENCE,
    );
    expect(client.calls.some((call) => call.method === 'status')).toBe(false);
    await act(() => root.unmount());
  });
});

describe('popup: a status that arrives just after the first render', () => {
  it('is on screen without waiting for the next frame', async () => {
    let answer: (status: StatusResponse) => void = () => {};
    const status = statusStore(new Promise((resolve) => (answer = resolve)));
    const container = document.createElement('div');
    const root = createRoot(container);
    // No frame passes: an effect that waits for one (Preact's useSyncExternalStore subscribes so)
    // would leave "Loading…" on screen.
    const frames = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    try {
      // Outside act(), which would run every effect at once: as in the browser.
      root.render(
        <Popup
          client={fakeBackgroundClient()}
          status={status}
          url={undefined}
          openOptions={() => {}}
        />,
      );
      expect(container.textContent).toContain('Loading');
      answer(notEnrolledStatus);
      // Well under a frame's fallback (Preact runs effects 100 ms later when no frame comes).
      await new Promise((resolve) => setTimeout(resolve, 30));
      expect(container.querySelector('[data-testid=sync-state]')?.textContent).toContain(
        NOT_ENROLLED_SENTENCE,
      );
    } finally {
      frames.mockRestore();
      await act(() => root.unmount());
    }
  });
});
