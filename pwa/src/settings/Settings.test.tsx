import { act } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Role } from '../../../shared/auth/access.ts';
import { WorkspaceView } from '../app/WorkspaceView.tsx';
import type { Credentials } from '../session/join-link.ts';
import { fakeSync } from '../test-support/fake-sync.ts';
import {
  button,
  choose,
  cleanup,
  click,
  field,
  render,
  settle,
  type,
} from '../test-support/render.tsx';
import { fakeTokensRelay, T0 } from './fake-tokens-relay.ts';
import type { EnrolledExtensions as EnrolledExtensionList } from './extensions-api.ts';
import { Settings } from './Settings.tsx';
import { createTokensApi } from './tokens-api.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';
const ORIGIN = 'https://relay.example';
const NOW = T0 + 3 * 86_400_000;
const ID = (n: number) => n.toString(16).padStart(32, 'a');

let writeText: ReturnType<typeof vi.fn>;
beforeEach(() => {
  writeText = vi.fn(async () => {});
  Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
});
afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  window.location.hash = '';
});

function credentials(role: Role): Credentials {
  return { workspace: 'acme', token: 'MY-TOKEN', role, tokenId: ID(2) };
}

const EXTENSIONS: EnrolledExtensionList = {
  extensions: [
    {
      reporterId: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
      enrolledAt: NOW - 86_400_000,
      revokedAt: null,
      lastSeenAt: Date.UTC(2026, 11, 7, 14, 20),
      code: { id: ID(7), label: 'Laptops (policy)' },
      version: '1.4.0',
      policyError: { message: 'the enrolment code has expired', at: NOW - 3_600_000 },
    },
  ],
  versions: [{ version: '1.4.0', count: 1 }],
};

async function settings(role: Role = 'admin', relay = sampleRelay(role)) {
  const view = await render(
    <Settings
      credentials={credentials(role)}
      extensions={async () => ({ ok: true, value: EXTENSIONS })}
      api={createTokensApi('MY-TOKEN', relay.fetch)}
      origin={ORIGIN}
      now={() => NOW}
    />,
  );
  const rows = () => [...view.querySelectorAll('tbody tr')];
  const cells = (row: Element) => [...row.children].map((cell) => cell.textContent);
  const dialog = () => view.querySelector('dialog')!;
  return { view, relay, rows, cells, dialog };
}

function sampleRelay(role: Role) {
  return fakeTokensRelay(role, [
    {
      role: 'lead',
      label: 'Dana',
      createdAt: T0,
      expiresAt: T0 + 30 * 86_400_000,
      mintedBy: { id: ID(2), role: 'admin', label: null },
    },
    { role: 'admin', kind: 'cli', label: null },
    {
      role: 'member',
      kind: 'enrolment',
      label: 'Company policy',
      revokedAt: T0 + 86_400_000,
      reporters: { count: 0, active: 0, lastSeenAt: null },
    },
    {
      role: 'contributor',
      label: HOSTILE,
      expiresAt: T0 + 86_400_000,
      mintedBy: { id: ID(1), role: 'lead', label: 'Dana' },
    },
    {
      role: 'member',
      kind: 'enrolment',
      label: 'Chrome policy',
      mintedBy: { id: ID(9), role: 'lead', label: null },
      reporters: { count: 12, active: 10, lastSeenAt: T0 + 2 * 86_400_000 },
      maxReporters: 500,
    },
  ]);
}

describe('settings: people and invitations', () => {
  it('lists the enrolled extensions by version and last contact, with a policy enrolment failure', async () => {
    const { view } = await settings('lead');
    await settle();
    const section = view.querySelector<HTMLElement>(
      '[aria-labelledby="enrolled-extensions-heading"]',
    )!;
    expect(section.querySelector('[data-testid="extension-versions"]')?.textContent).toBe(
      '1.4.0: 1',
    );
    const row = section.querySelector('li')!.textContent ?? '';
    expect(row).toContain('a1b2c3d4…');
    expect(row).toContain('version 1.4.0');
    expect(row).toContain('last contact 2026-12-07 14h UTC');
    expect(row).toContain('“Laptops (policy)”');
    expect(row).toContain('Enrolment by browser policy failed');
    expect(row).toContain('the enrolment code has expired');
    expect(section.textContent).toContain(
      'One extension says that enrolment by browser policy failed',
    );
  });
  it('lists the invitations and enrolment codes with role, label, dates and status', async () => {
    const { rows, cells, relay } = await settings();
    expect(relay.calls[0]).toMatchObject({
      method: 'GET',
      url: '/api/tokens',
      authorization: 'Bearer MY-TOKEN',
    });
    expect(rows().map(cells)).toEqual([
      ['Invitation', 'Lead', 'Dana', 'You', '—', '2026-01-10', '2026-02-09', 'Active', 'Revoke'],
      [
        'Command line',
        'Admin',
        '— (this device)',
        'Command line',
        '—',
        '2026-01-10',
        '2026-02-09',
        'Active',
        'Revoke',
      ],
      [
        'Enrolment code',
        'Extension',
        'Company policy',
        'Command line',
        '0',
        '2026-01-10',
        '2026-02-09',
        'Revoked 2026-01-11',
        '',
      ],
      [
        'Invitation',
        'Contributor',
        HOSTILE,
        'Dana',
        '—',
        '2026-01-10',
        '2026-01-11',
        'Expired',
        '',
      ],
      [
        'Enrolment code',
        'Extension',
        'Chrome policy',
        `Lead ${ID(9).slice(0, 8)}`,
        '12 of 500 (10 active) · last seen 2026-01-12',
        '2026-01-10',
        '2026-02-09',
        'Active',
        'Revoke',
      ],
    ]);
  });

  it('shows hostile labels as text', async () => {
    const { view, rows } = await settings();
    expect(rows()[3]!.children[2]!.textContent).toBe(HOSTILE);
    expect(view.querySelector('img')).toBeNull();
  });

  it('offers the admin role to admins only (P7)', async () => {
    const options = async (role: Role) => {
      const { view } = await settings(role);
      const values = [...field(view, 'Role').querySelectorAll('option')].map((o) => o.value);
      cleanup();
      return values;
    };
    expect(await options('admin')).toEqual(['contributor', 'lead', 'admin']);
    expect(await options('lead')).toEqual(['contributor', 'lead']);
  });

  it('invites, and shows the join link once, with a copy button', async () => {
    const { view, relay, rows } = await settings('lead');
    await choose(field(view, 'Role'), 'lead');
    await type(field(view, 'Who it is for'), '  Sam  ');
    await choose(field(view, 'Access lasts'), '7d');
    await click(button(view, 'Invite'));
    expect(relay.calls.at(-2)).toMatchObject({
      method: 'POST',
      body: { role: 'lead', ttl: '7d', label: 'Sam' },
    });
    const token = relay.minted[0]!;
    const link = `${ORIGIN}/#/join?workspace=acme&token=${token}`;
    const secret = view.querySelector('.one-time')!;
    expect(secret.querySelector('h3')?.textContent).toBe('Join link for “Sam” (Lead)');
    expect(secret.textContent).toContain('cannot be shown again');
    expect((field(secret as HTMLElement, 'Join link') as HTMLInputElement).value).toBe(link);
    expect(document.activeElement).toBe(secret.querySelector('h3'));
    await click(button(view, 'Copy the join link'));
    expect(writeText).toHaveBeenCalledWith(link);
    expect(secret.textContent).toContain('Copied.');
    // The list was asked again: the new invitation is in it, without its token.
    expect(rows()[0]!.textContent).toContain('Sam');
    expect((field(view, 'Who it is for') as HTMLInputElement).value).toBe('');

    await click(button(view, 'Done, I copied it'));
    expect(view.querySelector('.one-time')).toBeNull();
    expect(view.innerHTML).not.toContain(token);
  });

  it('says so when the browser will not copy', async () => {
    writeText.mockRejectedValue(new Error('denied'));
    const { view } = await settings('lead');
    await click(button(view, 'Invite'));
    await click(button(view, 'Copy the join link'));
    expect(view.querySelector('.one-time')?.textContent).toContain('copy it by hand');
  });

  it('makes an enrolment code and shows the code and its enrolment link', async () => {
    const { view, relay } = await settings('lead');
    await type(field(view, 'What it is for'), 'Chrome policy');
    await click(button(view, 'Make an enrolment code'));
    expect(relay.calls.at(-2)).toMatchObject({
      method: 'POST',
      body: { role: 'member', ttl: '90d', label: 'Chrome policy' },
    });
    const code = relay.minted[0]!;
    const secret = view.querySelector('.one-time') as HTMLElement;
    expect(secret.querySelector('h3')?.textContent).toBe('New enrolment code for “Chrome policy”');
    expect((field(secret, 'Enrolment code') as HTMLInputElement).value).toBe(code);
    expect((field(secret, 'Enrolment link') as HTMLInputElement).value).toBe(
      `${ORIGIN}/#/enrol?code=${code}`,
    );
    expect(secret.textContent).toContain('cannot be shown again');
    await click(button(view, 'Copy the enrolment code'));
    expect(writeText).toHaveBeenCalledWith(code);
  });

  it('makes an enrolment code with a cap on its extensions (H3)', async () => {
    const { view, relay } = await settings('lead');
    await type(field(view, 'What it is for'), 'Pilot');
    await type(field(view, 'Most extensions'), '25');
    await click(button(view, 'Make an enrolment code'));
    expect(relay.calls.at(-2)).toMatchObject({
      method: 'POST',
      body: { role: 'member', ttl: '90d', label: 'Pilot', maxReporters: 25 },
    });
  });

  it('asks before revoking, in a modal dialog', async () => {
    const { view, relay, rows, dialog } = await settings('admin');
    expect(dialog().open).toBe(false);
    await click(button(view, 'Revoke “Dana”'));
    expect(dialog().open).toBe(true);
    expect(dialog().querySelector('h2')?.textContent).toBe('Revoke “Dana”?');
    expect(relay.calls.filter((c) => c.method === 'DELETE')).toEqual([]);

    await click(button(dialog(), 'Cancel'));
    expect(dialog().open).toBe(false);
    expect(relay.calls.filter((c) => c.method === 'DELETE')).toEqual([]);

    await click(button(view, 'Revoke “Dana”'));
    await click(button(dialog(), 'Revoke'));
    expect(dialog().open).toBe(false);
    expect(relay.calls.filter((c) => c.method === 'DELETE')).toMatchObject([
      { url: `/api/tokens/${ID(1)}` },
    ]);
    expect(rows()[0]!.children[7]!.textContent).toBe('Revoked 2026-01-12');
    expect(view.querySelector('[role="status"].status-line')?.textContent).toContain(
      'Revoked “Dana”',
    );
  });

  it('offers to revoke the extensions an enrolment code enrolled with it (H4)', async () => {
    const { view, relay, dialog } = await settings('admin');
    await click(button(view, 'Revoke “Chrome policy”'));
    const choice = field(dialog(), 'Also revoke the 10 extensions enrolled with this code');
    expect((choice as HTMLInputElement).checked).toBe(false);
    await click(choice);
    await click(button(dialog(), 'Revoke'));
    expect(relay.calls.filter((c) => c.method === 'DELETE')).toMatchObject([
      { url: `/api/tokens/${ID(5)}?reporters=revoke` },
    ]);
    expect(view.querySelector('[role="status"].status-line')?.textContent).toContain(
      'Revoked “Chrome policy” and the 10 extensions it enrolled',
    );
  });

  it('shows a lead no way to revoke an admin’s token (H10)', async () => {
    const { rows, cells } = await settings('lead');
    expect(cells(rows()[1]!)).toContain('Active');
    expect(rows()[1]!.querySelector('button')).toBeNull();
    expect(rows()[0]!.querySelector('button')?.textContent).toBe('Revoke');
  });

  it('warns before revoking the access this device uses', async () => {
    const { view, dialog } = await settings('admin');
    await click(button(view, 'Revoke command line aaaaaaaa'));
    expect(dialog().textContent).toContain('This is the access this device uses');
  });

  it('shows a contributor no controls, and asks the relay nothing', async () => {
    const relay = sampleRelay('contributor');
    const { view } = await settings('contributor', relay);
    expect(view.querySelector('h2')?.textContent).toBe('People and invitations');
    expect(view.textContent).toContain('Admins and leads invite people');
    expect(view.querySelectorAll('button, input, select, form, table')).toHaveLength(0);
    expect(relay.calls).toEqual([]);
  });

  it('shows the relay’s errors in words', async () => {
    const relay = sampleRelay('lead');
    relay.fail = { status: 401, body: { error: 'token revoked' } };
    const { view } = await settings('lead', relay);
    expect(view.querySelector('[role="alert"]')?.textContent).toBe(
      'Could not list the invitations: the relay no longer accepts this device’s access (token revoked). Sign out and open a new join link.',
    );
    relay.fail = undefined;
    await choose(field(view, 'Role'), 'lead');
    relay.fail = { status: 403, body: { error: 'a lead cannot invite a lead' } };
    await click(button(view, 'Invite'));
    expect([...view.querySelectorAll('[role="alert"]')].map((e) => e.textContent)).toContain(
      'Could not invite: not allowed (a lead cannot invite a lead).',
    );
    expect(view.querySelector('.one-time')).toBeNull();
  });

  it('says the relay is needed when it cannot be reached', async () => {
    const relay = sampleRelay('admin');
    relay.offline = true;
    const { view } = await settings('admin', relay);
    expect(view.querySelector('[role="alert"]')?.textContent).toContain(
      'the relay could not be reached. Managing people needs the relay',
    );
  });

  it('offline: says the relay is needed, asks nothing, and lists when the network returns', async () => {
    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    const { view, relay, rows } = await settings('admin');
    expect(view.querySelector('.notice')?.textContent).toContain('need the relay');
    expect(button(view, 'Invite').disabled).toBe(true);
    expect(relay.calls).toEqual([]);
    onLine.mockReturnValue(true);
    await act(async () => void window.dispatchEvent(new Event('online')));
    await settle();
    expect(view.querySelector('.notice')).toBeNull();
    expect(rows()).toHaveLength(5);
  });
});

describe('#/settings', () => {
  it('is wired in the workspace view, with this device’s token', async () => {
    const relay = sampleRelay('lead');
    vi.stubGlobal('fetch', relay.fetch);
    const creds = credentials('lead');
    window.location.hash = '#/settings';
    const view = await render(
      <WorkspaceView path="settings" sync={fakeSync(creds)} credentials={creds} />,
    );
    expect(view.querySelector('h1')?.textContent).toBe('Settings');
    expect(relay.calls.find((call) => call.url === '/api/tokens')).toMatchObject({
      authorization: 'Bearer MY-TOKEN',
    });
    // The enrolled extensions are asked for with the same token.
    expect(relay.calls.find((call) => call.url === '/api/extensions')).toMatchObject({
      authorization: 'Bearer MY-TOKEN',
    });
    expect(view.querySelectorAll('tbody tr')).toHaveLength(5);
  });
});
