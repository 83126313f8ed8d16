import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LedgerResponse, StatusResponse } from '../background/messages.ts';
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
import { Options } from './Options.tsx';

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

const enrolled: StatusResponse = {
  ...notEnrolledStatus,
  enrolled: true,
  workspace: 'acme',
  relayUrl: 'https://relay.acme.com',
  connection: 'connected',
};

const ledger: LedgerResponse = {
  entries: [
    {
      toolKey: 'chatgpt',
      toolName: 'ChatGPT',
      host: 'chatgpt.com',
      signal: 'visit',
      at: Date.UTC(2026, 4, 1),
      synced: true,
    },
    {
      toolKey: 'openai-api',
      toolName: 'OpenAI API',
      host: 'api.openai.com',
      signal: 'api-call',
      embeddedIn: 'crm.example.com',
      at: Date.UTC(2026, 4, 2),
      synced: false,
    },
  ],
  shared: { tools: { chatgpt: { days: { '2026-05-01': 1 } } } },
  retentionDays: 14,
};

async function options(client = fakeBackgroundClient()) {
  const view = await render(<Options client={client} />);
  const q = (selector: string) => view.container.querySelector(selector);
  return { ...view, client, q, text: () => view.container.textContent ?? '' };
}

describe('options page', () => {
  it('keeps the Privacy heading and the version line', async () => {
    const { container, text } = await options();
    const headings = [...container.querySelectorAll('h1, h2')].map((h) => h.textContent);
    expect(headings).toContain('Privacy');
    expect(text()).toMatch(/Version \d+\.\d+\.\d+/);
  });

  it('still shows its privacy text when the worker answers with an error or a wrong shape', async () => {
    const client = fakeBackgroundClient({
      ledger: async () => ({ error: 'the local log is locked' }) as never,
      exportData: async () => ({ nothing: true }) as never,
    });
    const { container, q, text } = await options(client);
    expect(text()).toContain('What is never recorded');
    expect(q('[role=alert]')?.textContent).toContain('the local log is locked');
    await click(byButton(container, 'Export my data'));
    expect(text()).toContain('The export failed');
  });

  it('shows the manifest version when the worker does not answer', async () => {
    const client = fakeBackgroundClient({ status: () => Promise.reject(new Error('no worker')) });
    const view = await render(<Options client={client} version="9.8.7" />);
    expect(view.container.querySelector('[data-testid=version]')?.textContent).toBe(
      'Version 9.8.7',
    );
  });

  it('says in plain words what is recorded, never recorded, shared, and how long it is kept', async () => {
    const { q, text } = await options(
      fakeBackgroundClient({ ledger: async () => ({ ...ledger, retentionDays: 14 }) }),
    );
    expect(text()).toContain('What is never recorded');
    expect(text()).toContain('anything you type');
    expect(text()).toContain('Until you enrol this browser in a workspace, nothing leaves it.');
    expect(q('[data-testid=retention]')?.textContent).toContain('14 days');
  });

  it('enrols from a pasted link, the relay being the link’s origin', async () => {
    let status = notEnrolledStatus;
    const client = fakeBackgroundClient({
      status: async () => status,
      enrol: async () => {
        status = enrolled;
        return { ok: true, workspace: 'acme' };
      },
    });
    const { container, q } = await options(client);
    await type(
      byLabel(container, 'Enrolment link or code'),
      'http://localhost:8787/#/enrol?code=C0DE',
    );
    await submit(q('form'));
    expect(client.calls.find((c) => c.method === 'enrol')?.args).toEqual([
      'C0DE',
      'http://localhost:8787',
    ]);
    expect(q('[role=status]')?.textContent).toContain('Enrolled in the workspace acme');
    await settle();
    expect(q('[data-testid=enrolment-state]')?.textContent).toContain('acme');
    expect(q('[data-testid=enrolment-state]')?.textContent).toContain('https://relay.acme.com');
  });

  it('enrols with a code and a relay address, and keeps them on an error', async () => {
    const client = fakeBackgroundClient({ enrol: async () => ({ error: 'the code has expired' }) });
    const { container, q } = await options(client);
    await type(byLabel(container, 'Enrolment link or code'), 'abc.def');
    await type(byLabel(container, /Relay address/), 'https://relay.acme.com');
    await submit(q('form'));
    expect(client.calls.find((c) => c.method === 'enrol')?.args).toEqual([
      'abc.def',
      'https://relay.acme.com',
    ]);
    expect(q('[role=alert]')?.textContent).toContain('the code has expired');
    expect((byLabel(container, 'Enrolment link or code') as HTMLInputElement).value).toBe(
      'abc.def',
    );
  });

  it('lists the ledger with signals in words and what the workspace can see', async () => {
    const client = fakeBackgroundClient({
      status: async () => enrolled,
      ledger: async () => ledger,
    });
    const { q } = await options(client);
    const rows = [...(q('[data-testid=ledger] tbody')?.querySelectorAll('tr') ?? [])].map((row) =>
      [...row.querySelectorAll('td')].map((cell) => cell.textContent),
    );
    expect(rows).toHaveLength(2);
    expect(rows[0]?.slice(0, 4)).toEqual([
      'OpenAI API',
      'api.openai.com',
      'AI used inside a site',
      'crm.example.com',
    ]);
    expect(rows[0]?.[5]).toBe('Waiting');
    expect(rows[1]?.slice(0, 3)).toEqual(['ChatGPT', 'chatgpt.com', 'You visited it']);
    expect(rows[1]?.[5]).toBe('Synced');
    expect(q('[data-testid=shared-json]')?.textContent).toBe(
      JSON.stringify(ledger.shared, null, 2),
    );
  });

  it('deletes local data only after the dialog is confirmed, then refreshes', async () => {
    let entries = ledger.entries;
    const client = fakeBackgroundClient({
      ledger: async () => ({ ...ledger, entries }),
      deleteLocalData: async () => {
        entries = [];
        return { ok: true };
      },
    });
    const { container, q } = await options(client);
    const dialog = q('dialog') as HTMLDialogElement;
    expect(dialog.open).toBe(false);
    await click(byButton(container, 'Delete local data'));
    expect(dialog.open).toBe(true);
    await click(byButton(dialog, 'Cancel'));
    expect(dialog.open).toBe(false);
    expect(client.calls.some((c) => c.method === 'deleteLocalData')).toBe(false);
    await click(byButton(container, 'Delete local data'));
    await click(byButton(dialog, 'Delete'));
    expect(client.calls.some((c) => c.method === 'deleteLocalData')).toBe(true);
    expect(dialog.open).toBe(false);
    await settle();
    expect(q('[data-testid=ledger-empty]')).not.toBeNull();
  });

  it('exports the data as a .json download through a Blob URL', async () => {
    const created: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      created.push(blob as Blob);
      return 'blob:fake';
    });
    vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => {});
    const clicked: HTMLAnchorElement[] = [];
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      clicked.push(this);
    });
    const client = fakeBackgroundClient({ exportData: async () => ({ json: '{"a":1}' }) });
    const { container } = await options(client);
    await click(byButton(container, 'Export my data'));
    expect(await created[0]?.text()).toBe('{"a":1}');
    expect(created[0]?.type).toBe('application/json');
    expect(clicked[0]?.download).toMatch(/^sightline-my-data-\d{4}-\d{2}-\d{2}\.json$/);
    expect(clicked[0]?.href).toBe('blob:fake');
  });

  it('turns the optional access to all sites on and off through the browser', async () => {
    let granted = false;
    const siteAccess = {
      granted: async () => granted,
      request: vi.fn(async () => (granted = true)),
      remove: vi.fn(async () => !(granted = false)),
    };
    const view = await render(<Options client={fakeBackgroundClient()} siteAccess={siteAccess} />);
    const state = () =>
      view.container.querySelector('[data-testid=site-access-state]')?.textContent;
    expect(state()).toContain('Off');
    await click(byButton(view.container, 'Allow access to all sites'));
    expect(siteAccess.request).toHaveBeenCalledOnce();
    expect(state()).toContain('On');
    await click(byButton(view.container, 'Turn off'));
    expect(siteAccess.remove).toHaveBeenCalledOnce();
    expect(state()).toContain('Off');
  });
});
