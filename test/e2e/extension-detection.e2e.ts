import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDiscoveries } from '../../shared/documents/discoveries/index.ts';
import { setStatus } from '../../shared/documents/policy/index.ts';
import { readReport } from '../../shared/documents/report/index.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { hasChromium, launchWithExtension, type BrowserSession } from './harness/browser.ts';
import { startFakeAiSites, type FakeAiSites } from './harness/fake-ai-sites.ts';
import { screenshotPath } from './harness/screenshots.ts';
import { mintToken, sendToExtension } from './harness/workspace.ts';
import { startServerProcess, type ServerProcess } from './harness/server-process.ts';

const SECRETS = [
  '/c/secret-conversation',
  'q=private',
  'secret page',
  'typed secret',
  'secret body',
  'fragment-secret',
];

describe.skipIf(!hasChromium())('the extension detects AI and reports it (end to end)', () => {
  const data = tempDir();
  let relay: ServerProcess;
  let sites: FakeAiSites;
  let browser: BrowserSession;
  let options: Page;
  const clients: TestClient[] = [];
  const token = (...args: string[]) => mintToken(data.path, ...args);
  const send = (message: unknown) => sendToExtension(options, message);

  beforeAll(async () => {
    relay = await startServerProcess(data.path);
    sites = await startFakeAiSites([
      'chatgpt.com',
      'claude.ai',
      'api.openai.com',
      'support.example.com',
    ]);
    browser = await launchWithExtension({ args: sites.resolverArgs });
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await browser?.close();
    await sites?.close();
    await relay?.stop();
    data.remove();
  });

  async function lead(name: string): Promise<TestClient> {
    const client = connectClient(relay.syncUrl, name, token('--role', 'lead'));
    clients.push(client);
    await waitFor(() => client.provider.synced, `lead sync of ${name}`);
    return client;
  }

  it('enrols with a code, and a visit becomes a discovery a lead can see within seconds', async () => {
    const enrolled = (await send({
      type: 'enrol',
      code: token('--role', 'member'),
      relayUrl: relay.url,
    })) as { ok?: boolean; workspace?: string };
    expect(enrolled, JSON.stringify(enrolled)).toEqual({ ok: true, workspace: 'acme' });

    const page = await browser.context.newPage();
    const visitedAt = Date.now();
    await page.goto('https://chatgpt.com/c/secret-conversation?q=private#fragment-secret');
    await expect.poll(() => page.locator('#heading').textContent()).toContain('chatgpt.com');
    await page.close();

    const discoveries = await lead('acme/discoveries');
    await waitFor(
      () =>
        readDiscoveries(discoveries.doc).tools.some((tool) => tool.toolKey === 'openai-chatgpt'),
      'the discovery',
      15_000,
    );
    expect(Date.now() - visitedAt).toBeLessThan(15_000);
    expect(
      readDiscoveries(discoveries.doc).tools.find((tool) => tool.toolKey === 'openai-chatgpt'),
    ).toMatchObject({ reporters: 1, signals: ['visit'] });
  });

  it('shows the banner on a banned tool and not on an approved one', async () => {
    const policy = await lead('acme/policy');
    setStatus(policy.doc, 'anthropic-claude', {
      status: 'banned',
      guidance: 'Customer data must not go into Claude <b>here</b>.',
      alternative: 'ChatGPT Enterprise',
      updatedBy: 'dana',
      updatedAt: Date.now(),
    });
    setStatus(policy.doc, 'openai-chatgpt', {
      status: 'approved',
      guidance: 'Use your work account.',
      updatedBy: 'dana',
      updatedAt: Date.now(),
    });
    await policy.acknowledged();
    await new Promise((resolve) => setTimeout(resolve, 1_000));

    const banned = await browser.context.newPage();
    await banned.goto('https://claude.ai/new');
    const banner = banned.locator('sightline-banner');
    await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(1);
    await banned.screenshot({ path: screenshotPath('extension-banner') });
    await banned.close();

    const approved = await browser.context.newPage();
    await approved.goto('https://chatgpt.com/');
    await expect.poll(() => approved.locator('#heading').textContent()).toContain('chatgpt.com');
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await approved.locator('sightline-banner').count()).toBe(0);
    await approved.close();
  });

  it('keeps no path, query, page text or typed text anywhere it stores or shares', async () => {
    const ledger = JSON.stringify(await send({ type: 'ledger' }));
    const exported = ((await send({ type: 'export-data' })) as { json: string }).json;
    const storage = JSON.stringify(
      await options.evaluate(() =>
        (
          globalThis as unknown as { chrome: { storage: { local: { get(): Promise<unknown> } } } }
        ).chrome.storage.local.get(),
      ),
    );
    const report = await lead(
      `acme/reports/${(JSON.parse(exported) as { enrolment: { reporterId: string } }).enrolment.reporterId}`,
    );
    await waitFor(() => readReport(report.doc).tools.length > 0, 'the report at the relay');
    const shared = JSON.stringify(readReport(report.doc)) + JSON.stringify(report.doc.toJSON());
    expect(ledger).toContain('chatgpt.com');
    expect(shared).toContain('chatgpt.com');
    for (const secret of SECRETS) {
      for (const [what, dump] of Object.entries({ ledger, exported, storage, shared }))
        expect(dump, `${what} contains ${secret}`).not.toContain(secret);
    }
  });
});
