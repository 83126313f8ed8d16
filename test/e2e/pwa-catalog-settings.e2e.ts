import AxeBuilder from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileMatcher } from '../../shared/detection/matcher.ts';
import { readPolicy } from '../../shared/documents/policy/index.ts';
import { readTierScheme } from '../../shared/documents/registry/index.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { hasChromium, launchWithExtension, type BrowserSession } from './harness/browser.ts';
import { startServerProcess, type ServerProcess } from './harness/server-process.ts';

const cli = join(import.meta.dirname, '..', '..', 'server', 'cli.ts');

describe.skipIf(!hasChromium())('the PWA catalog and tier settings (end to end)', () => {
  const data = tempDir();
  let relay: ServerProcess;
  let browser: BrowserSession;
  const clients: TestClient[] = [];
  const token = (...args: string[]) =>
    spawnSync(
      process.execPath,
      [cli, 'token', '--data', data.path, '--workspace', 'acme', ...args],
      { encoding: 'utf8' },
    ).stdout.trim();
  const client = (name: string, role: string[]) => {
    const c = connectClient(relay.syncUrl, name, token(...role));
    clients.push(c);
    return c;
  };

  beforeAll(async () => {
    relay = await startServerProcess(data.path);
    browser = await launchWithExtension();
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await browser?.close();
    await relay?.stop();
    data.remove();
  });

  it('a lead adds a workspace tool that extensions read, and renames a tier for contributors', async () => {
    const page = await browser.context.newPage();
    await page.goto(`${relay.url}/#/join?workspace=acme&token=${token('--role', 'lead')}`);
    await expect.poll(() => page.url(), { timeout: 15_000 }).toMatch(/#\/inbox$/);

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
    const member = client('acme/policy', ['--role', 'member', '--reporter', 'r1']);
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
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await page.keyboard.press('Escape');
    await expect.poll(() => ask.isVisible()).toBe(false);
    expect(await page.getByRole('button', { name: 'Remove Tier 2' }).isVisible()).toBe(true);
    const contributor = client('acme/registry', ['--role', 'contributor']);
    await waitFor(
      () => readTierScheme(contributor.doc).scheme.tiers[0]?.name === 'Critical',
      'the renamed tier in acme/registry',
      10_000,
    );
    await page.close();
  });
});
