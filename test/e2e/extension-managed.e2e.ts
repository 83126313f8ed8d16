import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDiscoveries } from '../../shared/documents/discoveries/index.ts';
import { EXTENSION_ID } from '../../wxt.config.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import {
  hasChromium,
  launchWithExtension,
  managedExtensionDir,
  type BrowserSession,
} from './harness/browser.ts';
import { canWritePolicy, writeExtensionPolicy } from './harness/browser-policy.ts';
import { startFakeAiSites, type FakeAiSites } from './harness/fake-ai-sites.ts';
import { mintToken } from './harness/workspace.ts';
import { startServerProcess, type ServerProcess } from './harness/server-process.ts';

describe.skipIf(!hasChromium() || !canWritePolicy)(
  'the managed build: enrolled by policy alone, AI inside other sites seen with no click (end to end)',
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
      removePolicy = writeExtensionPolicy('managed-test', {
        relayUrl: relay.syncUrl,
        token: token('--role', 'member'),
      });
      sites = await startFakeAiSites(['support.example.com', 'api.openai.com']);
      // No grantAllSites: nobody answers a prompt; the managed manifest declares the access.
      browser = await launchWithExtension({ args: sites.resolverArgs, dir: managedExtensionDir });
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

    it('declares access to all sites up front, and only in the managed build', () => {
      const manifest = (dir: string) =>
        JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
      expect(manifest(managedExtensionDir).host_permissions).toEqual(['<all_urls>']);
      const standard = manifest(managedExtensionDir.replace(/-managed$/, ''));
      expect(standard.host_permissions).toBeUndefined();
      expect(standard.optional_host_permissions).toEqual(['<all_urls>']);
    });

    it('reports a page calling api.openai.com as AI inside that site, with no click', async () => {
      expect(browser.extensionId).toBe(EXTENSION_ID);
      const page = await browser.context.newPage();
      await page.goto(
        'https://support.example.com/tickets/4711?customer=secret&call=api.openai.com',
      );
      await expect
        .poll(() => page.evaluate(() => document.body.dataset.called), { timeout: 10_000 })
        .toBe('yes');
      await waitFor(
        () =>
          readDiscoveries(lead.doc).tools.some(
            (tool) =>
              tool.toolKey === 'openai-api' && tool.embeddedIn.includes('support.example.com'),
          ),
        'the AI-inside-a-site discovery from a policy-enrolled managed extension',
        20_000,
      );
      const discovery = readDiscoveries(lead.doc).tools.find((t) => t.toolKey === 'openai-api')!;
      expect(discovery.signals).toContain('api-call');
      expect(JSON.stringify(discovery)).not.toMatch(/4711|secret|tickets/);
    });
  },
);
