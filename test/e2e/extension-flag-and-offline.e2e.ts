import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LedgerResponse, StatusResponse } from '../../extension/background/messages.ts';
import { readDiscoveries, type Discovery } from '../../shared/documents/discoveries/index.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { hasChromium, launchWithExtension, type BrowserSession } from './harness/browser.ts';
import { startFakeAiSites, type FakeAiSites } from './harness/fake-ai-sites.ts';
import { screenshotPath } from './harness/screenshots.ts';
import { mintToken, sendToExtension } from './harness/workspace.ts';
import { startServerProcess, type ServerProcess } from './harness/server-process.ts';

describe.skipIf(!hasChromium())('flags and offline sightings reach a lead (end to end)', () => {
  const data = tempDir();
  let relay: ServerProcess;
  let sites: FakeAiSites;
  let browser: BrowserSession;
  let options: Page;
  const clients: TestClient[] = [];
  const token = (...args: string[]) => mintToken(data.path, ...args);
  const send = (message: unknown) => sendToExtension(options, message);
  const status = async () => (await send({ type: 'status' })) as StatusResponse;

  beforeAll(async () => {
    relay = await startServerProcess(data.path);
    sites = await startFakeAiSites(['claude.ai']);
    browser = await launchWithExtension({ args: sites.resolverArgs });
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const enrolled = await send({
      type: 'enrol',
      code: token('--role', 'member'),
      relayUrl: relay.url,
    });
    expect(enrolled, JSON.stringify(enrolled)).toEqual({ ok: true, workspace: 'acme' });
  });
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    await browser?.close();
    await sites?.close();
    await relay?.stop();
    data.remove();
  });

  /** A lead's view of the discoveries, on the relay running now. */
  async function discoveries(): Promise<TestClient> {
    const client = connectClient(relay.syncUrl, 'acme/discoveries', token('--role', 'lead'));
    clients.push(client);
    await waitFor(() => client.provider.synced, 'lead sync of acme/discoveries');
    return client;
  }
  const tool = (client: TestClient, key: string): Discovery | undefined =>
    readDiscoveries(client.doc).tools.find((t) => t.toolKey === key);

  it('a flag from the popup arrives with its purpose and data kinds', async () => {
    const purpose = 'Summarising customer call notes';
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 760 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByRole('button', { name: 'Flag this as an AI tool', exact: true }).click();
    await popup.getByLabel('Site', { exact: true }).fill('notes.example.ai');
    await popup.getByLabel('Tool name').fill('Example Notes');
    await popup.getByLabel('What do you use it for?').fill(purpose);
    await popup.getByRole('checkbox', { name: 'Customer data' }).check();
    await popup.getByRole('checkbox', { name: 'Source code' }).check();
    await popup.getByLabel('Note (optional)').fill('The sales team started last week.');
    await popup.screenshot({ path: screenshotPath('extension-flag'), fullPage: true });

    const sentAt = Date.now();
    await popup.getByRole('button', { name: 'Send flag' }).click();
    await expect
      .poll(() => popup.getByText('Thank you: your flag is recorded').textContent())
      .toContain('will be shared with your workspace');
    await popup.close();

    const lead = await discoveries();
    const key = 'host:notes.example.ai';
    await waitFor(() => tool(lead, key) !== undefined, `the discovery ${key}`, 15_000);
    console.info(`flag → lead: ${Date.now() - sentAt} ms`);
    const flagged = tool(lead, key)!;
    expect(flagged.purposes).toContain(purpose);
    expect(flagged.dataCategories).toEqual(expect.arrayContaining(['customer', 'source-code']));
    expect(flagged.signals).toContain('flag');
    expect(flagged).toMatchObject({ reporters: 1, flagCount: 1, hosts: ['notes.example.ai'] });
  });

  it('sightings made while the relay is down arrive after it comes back', async () => {
    await expect
      .poll(async () => (await status()).connection, { timeout: 10_000 })
      .toBe('connected');
    const port = new URL(relay.url).port;
    await relay.stop();
    const stoppedAt = Date.now();

    const page = await browser.context.newPage();
    await page.goto('https://claude.ai/new');
    await expect.poll(() => page.locator('#heading').textContent()).toContain('claude.ai');
    await page.close();
    const offline = await status();
    expect(offline.connection, JSON.stringify(offline)).not.toBe('connected');
    // Once the worker's 2 s flush has folded it into the local copy of the report, the ledger
    // still shows the visit as not yet shared: the relay has acknowledged nothing since.
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    const ledger = (await send({ type: 'ledger' })) as LedgerResponse;
    const visit = ledger.entries.find((entry) => entry.toolKey === 'anthropic-claude');
    expect(visit, JSON.stringify(ledger.entries)).toMatchObject({ synced: false });

    relay = await startServerProcess(data.path, ['--port', port]);
    const restartedAt = Date.now();
    expect(new URL(relay.url).port).toBe(port);
    const lead = await discoveries();
    await waitFor(() => tool(lead, 'anthropic-claude') !== undefined, 'anthropic-claude', 60_000);
    console.info(
      `relay down ${restartedAt - stoppedAt} ms; restart → lead sees the visit: ${Date.now() - restartedAt} ms`,
    );
    expect(tool(lead, 'anthropic-claude')).toMatchObject({ reporters: 1, signals: ['visit'] });
    await expect
      .poll(async () => (await status()).connection, { timeout: 10_000 })
      .toBe('connected');
  });
});
