import { describe, expect, it } from 'vitest';
import { compileMatcher } from '../../shared/detection/matcher.ts';
import { readPolicy } from '../../shared/documents/policy/index.ts';
import { readTierScheme } from '../../shared/documents/registry/index.ts';
import { waitFor } from '../helpers/relay-client.ts';
import { hasChromium } from './harness/browser.ts';
import { seriousViolations, usePwaWorkspace } from './harness/pwa-workspace.ts';

describe.skipIf(!hasChromium())('the PWA catalog and tier settings (end to end)', () => {
  const ws = usePwaWorkspace({ extension: true });

  it('a lead adds a workspace tool that extensions read, and renames a tier for contributors', async () => {
    const page = await ws.browser().context.newPage();
    await ws.joinAsLead(page);

    // The catalog: a bad host is refused with its reason, then a good one is saved.
    await page.getByRole('link', { name: 'Catalog' }).click();
    await page.getByRole('button', { name: 'Add a tool' }).click();
    const form = page.getByRole('form', { name: 'Add a tool' });
    await form.getByLabel('Id', { exact: true }).fill('scribe-ai');
    await form.getByLabel('Name', { exact: true }).fill('Scribe AI');
    await form.getByLabel(/^Hosts/).fill('not a host!');
    await form.getByRole('button', { name: 'Add tool' }).click();
    await expect.poll(() => form.textContent()).toContain('"not a host!" is not a hostname');
    await form.getByLabel(/^Hosts/).fill('scribe-ai.example');
    await form.getByRole('button', { name: 'Add tool' }).click();
    await expect.poll(() => page.getByRole('row', { name: /Scribe AI/ }).isVisible()).toBe(true);

    // An enrolled extension's connection (read-only) sees it and would detect it.
    const member = ws.client('acme/policy', '--role', 'member', '--reporter', 'r1');
    await waitFor(
      () => readPolicy(member.doc).tools.some((t) => t.id === 'scribe-ai'),
      'the workspace tool in acme/policy',
      10_000,
    );
    const matcher = compileMatcher([], readPolicy(member.doc).tools);
    expect(matcher.matchHostname('app.scribe-ai.example')?.toolId).toBe('scribe-ai');

    // Settings: the lead renames Tier 1; a contributor reads the new name from the registry.
    await page.getByRole('link', { name: 'Settings' }).click();
    const first = page.getByRole('form', { name: /^Tier 1\. Tier 1/ });
    await first.getByLabel('Name', { exact: true }).fill('Critical');
    await first.getByRole('button', { name: 'Save' }).click();
    // Removing asks first, in an accessible dialog; Escape keeps the tier.
    await page.getByRole('button', { name: 'Remove Tier 2' }).click();
    const ask = page.getByRole('alertdialog', { name: 'Remove Tier 2?' });
    await expect.poll(() => ask.isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => ask.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Remove Tier 2' }).isVisible()).toBe(true);
    const contributor = ws.client('acme/registry', '--role', 'contributor');
    await waitFor(
      () => readTierScheme(contributor.doc).scheme.tiers[0]?.name === 'Critical',
      'the renamed tier in acme/registry',
      10_000,
    );
    await page.close();
  });
});
