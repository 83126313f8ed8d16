import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Role } from '../../../shared/auth/access.ts';
import { readPolicy, setSettings } from '../../../shared/documents/policy/index.ts';
import { readTierScheme, removeTier, setTier } from '../../../shared/documents/registry/index.ts';
import type { Credentials } from '../session/join-link.ts';
import { fakeSync } from '../test-support/fake-sync.ts';
import { button, cleanup, click, field, render, settle, type } from '../test-support/render.tsx';
import { Settings } from './Settings.tsx';
import { fakeTokensRelay } from './fake-tokens-relay.ts';
import { createTokensApi } from './tokens-api.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';
const AT = Date.UTC(2026, 2, 10);
afterEach(cleanup);

function credentials(role: Role): Credentials {
  return { workspace: 'acme', token: 'T', role, tokenId: 'a'.repeat(32) };
}

async function settings(role: Role, docs: { policy?: Y.Doc; registry?: Y.Doc } = {}) {
  const policy = docs.policy ?? new Y.Doc();
  const registry = docs.registry ?? new Y.Doc();
  const creds = credentials(role);
  const view = await render(
    <Settings
      credentials={creds}
      sync={fakeSync(creds, { policy, registry })}
      api={createTokensApi('T', fakeTokensRelay(role, []).fetch)}
      origin="https://relay.example"
      now={() => AT}
    />,
  );
  const tierSection = () => view.querySelector<HTMLElement>('.tier-scheme')!;
  const rows = () => [...tierSection().querySelectorAll<HTMLElement>('.tier-row')];
  const names = () => readTierScheme(registry).scheme.tiers.map((t) => t.name);
  return { view, policy, registry, tierSection, rows, names };
}

/** The open Radix dialog (it renders in a portal on document.body). */
const dialog = () => document.querySelector<HTMLElement>('[role="alertdialog"]');

describe('settings: the workspace', () => {
  it('saves the display name to the policy document, trimmed, and refuses a blank one', async () => {
    const { view, policy } = await settings('lead');
    const section = view.querySelector<HTMLElement>('.workspace-settings')!;
    const name = field(section, 'Display name') as HTMLInputElement;
    expect(name.placeholder).toBe('acme');
    await type(name, '   ');
    await click(button(section, 'Save name'));
    expect(section.querySelector('[role="alert"]')?.textContent).toMatch(/needs a name/);
    expect(readPolicy(policy).settings.workspaceName).toBeUndefined();
    await type(name, `  ${HOSTILE}  `);
    await click(button(section, 'Save name'));
    expect(readPolicy(policy).settings.workspaceName).toBe(HOSTILE);
    expect(section.querySelector('img')).toBeNull();
    expect(section.querySelector('[role="status"]')?.textContent).toContain(HOSTILE);
  });

  it('follows the document, and is read-only for a contributor', async () => {
    const policy = new Y.Doc();
    setSettings(policy, { workspaceName: 'Acme Ltd' });
    const { view } = await settings('contributor', { policy });
    const section = view.querySelector<HTMLElement>('.workspace-settings')!;
    const name = field(section, 'Display name') as HTMLInputElement;
    expect(name.value).toBe('Acme Ltd');
    expect(name.closest('fieldset')?.disabled).toBe(true);
    expect(() => button(section, 'Save name')).toThrow();
    expect(section.textContent).toMatch(/Only admins and leads/);
  });
});

describe('settings: the tier scheme', () => {
  it('shows the default scheme and edits a tier name and description', async () => {
    const { rows, names, registry } = await settings('lead');
    expect(rows().map((row) => (field(row, 'Name') as HTMLInputElement).value)).toEqual([
      'Tier 1',
      'Tier 2',
      'Tier 3',
    ]);
    expect(rows()[0]!.textContent).toMatch(/Suggested for what the default scheme calls Tier 1/);
    const first = rows()[0]!;
    expect(button(first, 'Save').disabled).toBe(true);
    await type(field(first, 'Name'), ' Critical ');
    await type(field(first, 'Description'), 'Decides about people');
    await click(button(first, 'Save'));
    expect(names()).toEqual(['Critical', 'Tier 2', 'Tier 3']);
    expect(readTierScheme(registry).scheme.tiers[0]!.description).toBe('Decides about people');
    expect(button(rows()[0]!, 'Save').disabled).toBe(true);
  });

  it('shows a refused edit as an error and changes nothing', async () => {
    const { rows, names, tierSection, registry } = await settings('admin');
    const before = Y.encodeStateAsUpdate(registry);
    await type(field(rows()[1]!, 'Name'), 'tier 1');
    await click(button(rows()[1]!, 'Save'));
    expect(tierSection().querySelector('[role="alert"]')?.textContent).toMatch(
      /already named “Tier 1”/,
    );
    expect(names()).toEqual(['Tier 1', 'Tier 2', 'Tier 3']);
    expect(Y.encodeStateAsUpdate(registry)).toEqual(before);
  });

  it('adds a tier at the end and moves it up by keyboard-reachable buttons', async () => {
    const { view, rows, names, tierSection } = await settings('lead');
    const form = view.querySelector<HTMLElement>('.add-tier')!;
    await type(field(form, 'Name'), 'Pilots');
    await type(field(form, 'Description'), 'Trials with no real data');
    await click(button(form, 'Add tier'));
    expect(names()).toEqual(['Tier 1', 'Tier 2', 'Tier 3', 'Pilots']);
    expect((field(form, 'Name') as HTMLInputElement).value).toBe('');
    const up = button(rows()[3]!, 'Move Pilots up');
    expect(button(rows()[3]!, 'Move Pilots down').disabled).toBe(true);
    await click(up);
    expect(names()).toEqual(['Tier 1', 'Tier 2', 'Pilots', 'Tier 3']);
    // The keyboard stays on the tier that moved.
    expect(document.activeElement?.getAttribute('aria-label')).toBe('Move Pilots up');
    await click(button(rows()[0]!, 'Move Tier 1 down'));
    expect(names()).toEqual(['Tier 2', 'Tier 1', 'Pilots', 'Tier 3']);
    expect(tierSection().querySelector('[role="status"]')?.textContent).toMatch(/position 2/);
  });

  it('removes a tier only after the confirmation; Cancel keeps it', async () => {
    const { rows, names } = await settings('lead');
    await click(button(rows()[1]!, 'Remove Tier 2'));
    expect(dialog()?.textContent).toMatch(/Remove Tier 2\?/);
    expect(dialog()?.textContent).toMatch(/Tier 2 \(removed from the scheme\)/);
    await click(button(dialog()!, 'Cancel'));
    expect(dialog()).toBeNull();
    expect(names()).toEqual(['Tier 1', 'Tier 2', 'Tier 3']);
    await click(button(rows()[1]!, 'Remove Tier 2'));
    await click(button(dialog()!, 'Remove'));
    expect(names()).toEqual(['Tier 1', 'Tier 3']);
  });

  it('resets to the default after the confirmation, listing the removed tiers', async () => {
    const registry = new Y.Doc();
    setTier(registry, { id: 'tier-1', name: 'Critical', description: '' }, { by: 'x', at: AT });
    setTier(registry, { id: 'extra', name: HOSTILE, description: '' }, { by: 'x', at: AT });
    const { view, names } = await settings('lead', { registry });
    expect(view.querySelector('img')).toBeNull();
    await click(button(view, 'Reset to the default'));
    await click(button(dialog()!, 'Reset'));
    expect(names()).toEqual(['Tier 1', 'Tier 2', 'Tier 3']);
    expect(button(view, 'Reset to the default').disabled).toBe(true);
    expect(view.querySelector('.tier-scheme details')?.textContent).toContain(HOSTILE);
  });

  it('follows another lead’s edits, and refuses a tenth tier', async () => {
    const { view, rows, registry } = await settings('lead');
    for (let i = 4; i <= 9; i++) {
      setTier(registry, { id: `t${i}`, name: `T${i}`, description: '' }, { by: 'x', at: AT });
    }
    await settle(); // let the update render
    expect(rows()).toHaveLength(9);
    const add = view.querySelector<HTMLElement>('.add-tier')!;
    expect(add.querySelector('fieldset')?.disabled).toBe(true);
    expect(add.textContent).toMatch(/at most 9 tiers/);
    removeTier(registry, 't9', { by: 'x', at: AT });
    await settle();
    expect(rows()).toHaveLength(8);
    expect(rows()[8 - 1]!.textContent).toMatch(
      /Suggested for what the default scheme calls Tier 3/,
    );
  });

  it('is read-only for a contributor', async () => {
    const registry = new Y.Doc();
    setTier(
      registry,
      { id: 'tier-2', name: 'Medium', description: 'A person decides' },
      {
        by: 'x',
        at: AT,
      },
    );
    const { tierSection } = await settings('contributor', { registry });
    expect(tierSection().querySelectorAll('input, textarea, button')).toHaveLength(0);
    expect(
      [...tierSection().querySelectorAll('.tier-list li')].map((li) => li.textContent),
    ).toEqual([
      'Tier 1 — High risk: directly affects decisions about people (diagnosis, treatment, credit, hiring…)',
      'Medium — A person decides',
      'Tier 3 — Operational and administrative tools',
    ]);
    expect(tierSection().textContent).toMatch(/Only admins and leads change the tier scheme/);
  });
});
