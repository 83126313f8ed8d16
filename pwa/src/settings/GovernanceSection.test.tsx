import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Role } from '../../../shared/auth/access.ts';
import {
  readGovernance,
  setTier,
  updateGovernance,
} from '../../../shared/documents/registry/index.ts';
import type { Credentials } from '../session/join-link.ts';
import { fakeSync } from '../test-support/fake-sync.ts';
import { button, cleanup, click, field, render, type } from '../test-support/render.tsx';
import { Settings } from './Settings.tsx';
import { fakeTokensRelay } from './fake-tokens-relay.ts';
import { createTokensApi } from './tokens-api.ts';

const AT = Date.UTC(2026, 2, 10);
afterEach(cleanup);

async function settings(role: Role, registry = new Y.Doc()) {
  const creds: Credentials = { workspace: 'acme', token: 'T', role, tokenId: 'a'.repeat(32) };
  const view = await render(
    <Settings
      credentials={creds}
      sync={fakeSync(creds, { policy: new Y.Doc(), registry })}
      api={createTokensApi('T', fakeTokensRelay(role, []).fetch)}
      origin="https://relay.example"
      now={() => AT}
    />,
  );
  const section = view.querySelector<HTMLElement>('.governance-settings')!;
  const radio = (label: string) => field(section, label) as HTMLInputElement;
  const months = (tier: string) => field(section, `${tier}: review every`) as HTMLInputElement;
  return { section, radio, months, registry };
}

describe('settings: assessment governance', () => {
  it('asks the Art. 27(1) question and saves yes, no and not answered', async () => {
    const { section, radio, registry } = await settings('lead');
    expect(section.querySelector('legend')?.textContent).toMatch(
      /body governed by public law, or a private entity providing public services\? \(EU AI Act Art\. 27\(1\)\)/,
    );
    expect(radio('Not answered').checked).toBe(true);
    await click(radio('Yes'));
    expect(readGovernance(registry).publicBodyOrPublicService).toBe(true);
    expect(readGovernance(registry).updatedBy).toBe('Lead aaaa');
    expect(radio('Yes').checked).toBe(true);
    await click(radio('No'));
    expect(readGovernance(registry).publicBodyOrPublicService).toBe(false);
    await click(radio('Not answered'));
    expect(readGovernance(registry).publicBodyOrPublicService).toBeUndefined();
    expect(section.querySelector('[role="status"]')?.textContent).toMatch(/not answered/);
  });

  it('shows each tier’s default interval and saves the workspace’s own', async () => {
    const registry = new Y.Doc();
    setTier(registry, { id: 'tier-4', name: 'Tier 4', description: '' }, { by: 'x', at: AT });
    const { section, months } = await settings('lead', registry);
    expect(['Tier 1', 'Tier 2', 'Tier 3', 'Tier 4'].map((t) => months(t).placeholder)).toEqual([
      '6',
      '12',
      '12',
      '24',
    ]);
    expect(section.textContent).toContain('Default: every 24 months.');
    await type(months('Tier 1'), '3');
    await type(months('Tier 3'), '12'); // the default itself: nothing stored
    await click(button(section, 'Save intervals'));
    expect({ ...readGovernance(registry).reviewMonths }).toEqual({ 'tier-1': 3 });
    expect(months('Tier 1').value).toBe('3');
    expect(section.textContent).toContain("Workspace's own (default 6 months).");
    // Out of range: a clear error, nothing written.
    await type(months('Tier 2'), '61');
    await click(button(section, 'Save intervals'));
    expect(section.querySelector('[role="alert"]')?.textContent).toMatch(/from 1 to 60/);
    expect({ ...readGovernance(registry).reviewMonths }).toEqual({ 'tier-1': 3 });
    // Emptied: back to the default.
    await click(button(section, 'Undo'));
    await type(months('Tier 1'), '');
    await click(button(section, 'Save intervals'));
    expect({ ...readGovernance(registry).reviewMonths }).toEqual({});
  });

  it('is read-only for a contributor, showing what the leads chose', async () => {
    const registry = new Y.Doc();
    updateGovernance(
      registry,
      { publicBodyOrPublicService: true, reviewMonths: { 'tier-2': 9 } },
      { by: 'lead', at: AT },
    );
    const { section, radio, months } = await settings('contributor', registry);
    expect(radio('Yes').checked).toBe(true);
    expect(radio('Yes').closest('fieldset')?.disabled).toBe(true);
    expect(months('Tier 2').value).toBe('9');
    expect(months('Tier 2').closest('fieldset')?.disabled).toBe(true);
    expect(section.querySelectorAll('button')).toHaveLength(0);
    await click(radio('No'));
    expect(readGovernance(registry).publicBodyOrPublicService).toBe(true);
    expect(section.textContent).toMatch(/Only admins and leads change these settings/);
  });
});
