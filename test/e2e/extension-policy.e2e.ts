import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDiscoveries } from '../../shared/documents/discoveries/index.ts';
import { EXTENSION_ID } from '../../wxt.config.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { hasChromium, launchWithExtension, type BrowserSession } from './harness/browser.ts';
import { canWritePolicy, writeExtensionPolicy } from './harness/browser-policy.ts';
import { startFakeAiSites, type FakeAiSites } from './harness/fake-ai-sites.ts';
import { mintToken, sendToExtension } from './harness/workspace.ts';
import { startServerProcess, type ServerProcess } from './harness/server-process.ts';

describe.skipIf(!hasChromium() || !canWritePolicy)(
  'zero-touch enrolment by browser policy (end to end)',
  () => {
    const data = tempDir();
    let relay: ServerProcess;
    let sites: FakeAiSites;
    let browser: BrowserSession;
    let lead: TestClient;
    let removePolicy: (() => void) | undefined;

    beforeAll(async () => {
      relay = await startServerProcess(data.path);
      const token = (...args: string[]) => mintToken(data.path, ...args);
      removePolicy = writeExtensionPolicy('test', {
        // The address exactly as `sightline serve` prints it (ws://…/sync): an admin
        // pastes that, and it must enrol (docs/extension.md).
        relayUrl: relay.syncUrl,
        workspace: 'acme',
        token: token('--role', 'member'),
      });
      sites = await startFakeAiSites(['perplexity.ai']);
      browser = await launchWithExtension({ args: sites.resolverArgs });
      lead = connectClient(relay.syncUrl, 'acme/discoveries', token('--role', 'lead'));
      await waitFor(() => lead.provider.synced, 'lead sync');
    });
    afterAll(async () => {
      removePolicy?.();
      lead?.destroy();
      await browser?.close();
      await sites?.close();
      await relay?.stop();
      data.remove();
    });

    it('has the stable id the policy addresses, enrols without the employee, and reports', async () => {
      expect(browser.extensionId).toBe(EXTENSION_ID);
      const options = await browser.context.newPage();
      await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
      const status = () =>
        sendToExtension<{ enrolled: boolean; workspace?: string }>(options, { type: 'status' });
      await expect
        .poll(status, { timeout: 15_000 })
        .toMatchObject({ enrolled: true, workspace: 'acme' });

      const page = await browser.context.newPage();
      await page.goto('https://perplexity.ai/search?q=secret');
      await waitFor(
        () => readDiscoveries(lead.doc).tools.some((tool) => tool.toolKey.startsWith('perplexity')),
        'the policy-enrolled extension’s discovery',
        15_000,
      );
    });
  },
);
