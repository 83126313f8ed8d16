import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTopManagement } from '../../shared/documents/aims/fixture.test-support.ts';
import { approvePolicyVersion, savePolicyDraft } from '../../shared/documents/aims/index.ts';
import { readPolicyAckCounts } from '../../shared/documents/discoveries/index.ts';
import { publishAiPolicy } from '../../shared/documents/policy/index.ts';
import { POLICY_ACKS } from '../../shared/documents/report/index.ts';
import { waitFor } from '../helpers/relay-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { hasChromium, launchWithExtension, type BrowserSession } from './harness/browser.ts';
import { closedShadow } from './harness/closed-shadow.ts';
import { startFakeAiSites, type FakeAiSites } from './harness/fake-ai-sites.ts';
import { screenshotPath } from './harness/screenshots.ts';
import { leadClients, mintToken, sendToExtension } from './harness/workspace.ts';
import { startServerProcess, type ServerProcess } from './harness/server-process.ts';

const POLICY = {
  title: 'Using AI at Acme',
  summary: 'Use only the AI tools IT approved. Never paste customer or personal data into one.',
  link: 'https://intranet.example.com/policies/ai',
};

describe.skipIf(!hasChromium())('employees acknowledge the AI policy (end to end)', () => {
  const data = tempDir();
  let relay: ServerProcess;
  let sites: FakeAiSites;
  let browser: BrowserSession;
  let options: Page;
  let reporterId: string;
  const token = (...args: string[]) => mintToken(data.path, ...args);

  const leads = leadClients(
    () => relay,
    () => data.path,
  );
  const lead = (name: string) => leads.open(name);

  beforeAll(async () => {
    relay = await startServerProcess(data.path);
    sites = await startFakeAiSites(['chatgpt.com', 'claude.ai']);
    browser = await launchWithExtension({ args: sites.resolverArgs });
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const enrolled = await sendToExtension(options, {
      type: 'enrol',
      code: token('--role', 'member'),
      relayUrl: relay.url,
    });
    expect(enrolled, JSON.stringify(enrolled)).toEqual({ ok: true, workspace: 'acme' });
    const exported = await sendToExtension<{ json: string }>(options, { type: 'export-data' });
    reporterId = (JSON.parse(exported.json) as { enrolment: { reporterId: string } }).enrolment
      .reporterId;

    // Top management approves version 1 and the lead's app publishes it to the extensions.
    const registry = await lead('acme/registry');
    const now = Date.now();
    addTopManagement(registry.doc, ['Maria'], now);
    savePolicyDraft(registry.doc, 'policy-v1', POLICY, 'Ana', now);
    const approved = approvePolicyVersion(registry.doc, 'policy-v1', 'Maria', now);
    await registry.acknowledged();
    const policy = await lead('acme/policy');
    publishAiPolicy(
      policy.doc,
      { versionId: approved.id, number: 1, ...POLICY, approvedAt: now },
      'Maria',
      now,
    );
    await policy.acknowledged();
  });
  afterAll(async () => {
    leads.destroy();
    await browser?.close();
    await sites?.close();
    await relay?.stop();
    data.remove();
  });

  it('shows the policy on the first AI tool opened, counts the acknowledgement, and the lead sees the rate', async () => {
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('https://chatgpt.com/c/secret-conversation');
    await expect.poll(() => page.locator('sightline-policy').count(), { timeout: 15_000 }).toBe(1);
    const panel = await closedShadow(page, 'sightline-policy');
    const text = await panel.text();
    expect(text).toContain('version 1');
    expect(text).toContain(POLICY.title);
    expect(text).toContain(POLICY.summary);
    expect(text).toContain('random id, not your name');
    expect(await panel.links()).toEqual([POLICY.link]);
    await page.screenshot({ path: screenshotPath('extension-policy-panel') });
    await panel.click('I have read it');
    await expect.poll(() => page.locator('sightline-policy').count()).toBe(0);
    await panel.detach();
    await page.close();

    // The relay counts it per version: one of one active extension.
    const discoveries = await lead('acme/discoveries');
    await waitFor(
      () => readPolicyAckCounts(discoveries.doc)[0]?.acknowledged === 1,
      'the acknowledgement counted',
      15_000,
    );
    expect(readPolicyAckCounts(discoveries.doc)).toEqual([
      expect.objectContaining({ versionId: 'policy-v1', number: 1, ofActive: 1, active: 1 }),
    ]);
    expect(readPolicyAckCounts(discoveries.doc)[0]).not.toHaveProperty('reporterIds');

    // What the report carries: the version and the day, nothing else.
    const report = await lead(`acme/reports/${reporterId}`);
    const acks = report.doc.getMap(POLICY_ACKS).toJSON();
    expect(acks).toEqual({
      'policy-v1': { number: 1, day: new Date().toISOString().slice(0, 10) },
    });

    // The lead's management system page shows the rate.
    const pwa = await browser.context.newPage();
    await pwa.goto(`${relay.url}/#/join?workspace=acme&token=${token('--role', 'lead')}`);
    await expect.poll(() => pwa.url(), { timeout: 15_000 }).toMatch(/#\/inbox$/);
    await pwa.evaluate(() => (window.location.hash = '#/aims'));
    const acceptance = pwa.getByTestId('policy-acceptance').first();
    await expect
      .poll(() => acceptance.textContent(), { timeout: 15_000 })
      .toBe('Acknowledged by 1 of 1 extensions active in the last 30 days (100 %); 1 in all.');
    await pwa.close();
  });

  it('does not show the policy again once acknowledged', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://claude.ai/new');
    await expect.poll(() => page.locator('#heading').textContent()).toContain('claude.ai');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await page.locator('sightline-policy').count()).toBe(0);
    await page.close();
  });
});
