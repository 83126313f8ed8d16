import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDiscoveries } from '../../shared/documents/discoveries/index.ts';
import { setStatus, setWorkspaceTool } from '../../shared/documents/policy/index.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { hasChromium, launchWithExtension, type BrowserSession } from './harness/browser.ts';
import { startFakeAiSites, type FakeAiSites } from './harness/fake-ai-sites.ts';
import { mintToken, sendToExtension } from './harness/workspace.ts';
import { startServerProcess, type ServerProcess } from './harness/server-process.ts';

describe.skipIf(!hasChromium())('AI called from inside another site (end to end)', () => {
  const data = tempDir();
  let relay: ServerProcess;
  let sites: FakeAiSites;
  let browser: BrowserSession;
  let lead: TestClient;
  let leadToken: string;

  beforeAll(async () => {
    relay = await startServerProcess(data.path);
    const token = (...args: string[]) => mintToken(data.path, ...args);
    sites = await startFakeAiSites(['support.example.com', 'api.openai.com', 'llm.acme.example']);
    // The employee has allowed the optional access to all sites (docs/privacy.md).
    browser = await launchWithExtension({ args: sites.resolverArgs, grantAllSites: true });
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const enrolled = await sendToExtension(options, {
      type: 'enrol',
      code: token('--role', 'member'),
      relayUrl: relay.url,
    });
    expect(enrolled).toEqual({ ok: true, workspace: 'acme' });
    leadToken = token('--role', 'lead');
    lead = connectClient(relay.syncUrl, 'acme/discoveries', leadToken);
    await waitFor(() => lead.provider.synced, 'lead sync');
  });
  afterAll(async () => {
    lead?.destroy();
    await browser?.close();
    await sites?.close();
    await relay?.stop();
    data.remove();
  });

  it('reports a page that calls api.openai.com as AI inside that page’s site, by hostname only', async () => {
    const page = await browser.context.newPage();
    await page.goto('https://support.example.com/tickets/4711?customer=secret&call=api.openai.com');
    await expect
      .poll(() => page.evaluate(() => document.body.dataset.called), { timeout: 10_000 })
      .toBe('yes');
    await waitFor(
      () => readDiscoveries(lead.doc).tools.some((tool) => tool.toolKey === 'openai-api'),
      'the hidden-AI discovery',
      15_000,
    );
    const discovery = readDiscoveries(lead.doc).tools.find(
      (tool) => tool.toolKey === 'openai-api',
    )!;
    expect(discovery).toMatchObject({
      signals: ['api-call'],
      embeddedIn: ['support.example.com'],
      reporters: 1,
    });
    // support.example.com is not an AI tool: it must not be reported as one.
    expect(readDiscoveries(lead.doc).tools.map((tool) => tool.toolKey)).not.toContain(
      'host:support.example.com',
    );
    expect(JSON.stringify(lead.doc.toJSON())).not.toMatch(/tickets|4711|secret/);
  });

  it('detects the workspace’s own tool from its policy and shows its banner there, without a new release', async () => {
    const policy = connectClient(relay.syncUrl, 'acme/policy', leadToken);
    await waitFor(() => policy.provider.synced, 'policy sync');
    setWorkspaceTool(policy.doc, {
      id: 'acme-llm',
      name: 'Acme internal LLM',
      hosts: ['llm.acme.example'],
    });
    setStatus(policy.doc, 'acme-llm', {
      status: 'restricted',
      guidance: 'Only for public data.',
      updatedBy: 'dana',
      updatedAt: Date.now(),
    });
    await policy.acknowledged();
    policy.destroy();
    await new Promise((resolve) => setTimeout(resolve, 1_500));

    const page = await browser.context.newPage();
    await page.goto('https://llm.acme.example/chat');
    await expect.poll(() => page.locator('sightline-banner').count(), { timeout: 10_000 }).toBe(1);
    await waitFor(
      () => readDiscoveries(lead.doc).tools.some((tool) => tool.toolKey === 'acme-llm'),
      'the workspace tool’s discovery',
      15_000,
    );
  });
});
