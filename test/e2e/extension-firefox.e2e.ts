import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDiscoveries } from '../../shared/documents/discoveries/index.ts';
import { readReport } from '../../shared/documents/report/index.ts';
import { waitFor } from '../helpers/relay-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { startFakeAiSites, type FakeAiSites } from './harness/fake-ai-sites.ts';
import {
  buildFirefoxAddon,
  canWriteFirefoxPolicy,
  hasFirefox,
  launchFirefox,
  startTunnelTo,
  writeFirefoxPolicy,
  type FirefoxSession,
} from './harness/firefox.ts';
import { leadClients, mintToken } from './harness/workspace.ts';
import { startServerProcess, type ServerProcess } from './harness/server-process.ts';

const sendMessage = (message: unknown) =>
  `browser.runtime.sendMessage(${JSON.stringify(message)}).then((a) => JSON.stringify(a))`;

/** Polls an async condition (the BiDi answers are promises). */
async function until(what: string, condition: () => Promise<boolean>, timeoutMs = 20_000) {
  const start = Date.now();
  while (!(await condition())) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/**
 * The Firefox build, in Debian's firefox-esr over WebDriver BiDi (a temporary add-on, as a
 * developer loads it), with the real relay: the same product promises as in Chromium.
 */
describe.skipIf(!hasFirefox())('the Firefox add-on in Firefox (end to end)', () => {
  const data = tempDir();
  let relay: ServerProcess;
  let sites: FakeAiSites;
  let tunnel: { port: number; close(): Promise<void> };
  const token = (...args: string[]) => mintToken(data.path, ...args);

  const leads = leadClients(
    () => relay,
    () => data.path,
  );
  const lead = (name: string) => leads.open(name);

  beforeAll(async () => {
    buildFirefoxAddon();
    relay = await startServerProcess(data.path);
    sites = await startFakeAiSites(['chatgpt.com', 'claude.ai']);
    tunnel = await startTunnelTo(sites.port);
  });
  afterAll(async () => {
    leads.destroy();
    await tunnel?.close();
    await sites?.close();
    await relay?.stop();
    data.remove();
  });

  describe('enrolled with a code', () => {
    let firefox: FirefoxSession;
    beforeAll(async () => {
      firefox = await launchFirefox({ proxyPort: tunnel.port });
    });
    afterAll(async () => firefox?.close());

    it('enrols, reports a visit by its hostname alone, and the popup says where it stands', async () => {
      const options = await firefox.openExtensionPage('options');
      const enrolled = JSON.parse(
        await firefox.evaluate<string>(
          options,
          sendMessage({ type: 'enrol', code: token('--role', 'member'), relayUrl: relay.url }),
        ),
      ) as unknown;
      expect(enrolled).toEqual({ ok: true, workspace: 'acme' });
      // No policy is no failed policy (Firefox rejects managed storage without one).
      const status = JSON.parse(
        await firefox.evaluate<string>(options, sendMessage({ type: 'status' })),
      ) as { policyError?: unknown };
      expect(status.policyError).toBeUndefined();

      const tab = await firefox.open('https://chatgpt.com/c/secret-conversation?q=private');
      expect(await firefox.evaluate<string>(tab, 'document.title')).toContain('chatgpt.com');

      const discoveries = await lead('acme/discoveries');
      await waitFor(
        () =>
          readDiscoveries(discoveries.doc).tools.some((tool) => tool.toolKey === 'openai-chatgpt'),
        'the visit from Firefox at the relay',
        20_000,
      );
      const { enrolment } = JSON.parse(
        JSON.parse(await firefox.evaluate<string>(options, sendMessage({ type: 'export-data' })))
          .json as string,
      ) as { enrolment: { reporterId: string } };
      const report = await lead(`acme/reports/${enrolment.reporterId}`);
      await waitFor(() => readReport(report.doc).tools.length > 0, 'the report');
      const shared = JSON.stringify(report.doc.toJSON());
      expect(shared).toContain('chatgpt.com');
      expect(readReport(report.doc).extensionVersion).toBeTruthy();
      for (const secret of ['secret-conversation', 'q=private', 'secret page'])
        expect(shared).not.toContain(secret);

      const popup = await firefox.openExtensionPage('popup');
      await until('the popup’s status', async () =>
        (await firefox.evaluate<string>(popup, 'document.body.innerText')).includes(
          'Enrolled in acme.',
        ),
      );
    });
  });

  describe.skipIf(!canWriteFirefoxPolicy)('enrolled by Firefox’s enterprise policy', () => {
    let firefox: FirefoxSession | undefined;
    let removePolicy: (() => void) | undefined;
    afterAll(async () => {
      await firefox?.close();
      removePolicy?.();
    });

    it('reads policies.json’s managed storage and enrols with no action from the employee', async () => {
      removePolicy = writeFirefoxPolicy({
        relayUrl: relay.syncUrl, // what `sightline serve` prints: ws://host:port/sync
        workspace: 'acme',
        token: token('--role', 'member'),
      });
      firefox = await launchFirefox({ proxyPort: tunnel.port });
      const options = await firefox.openExtensionPage('options');
      let status: { enrolled?: boolean; workspace?: string; policyError?: unknown } = {};
      await until('enrolment by policy', async () => {
        status = JSON.parse(
          await firefox!.evaluate<string>(options, sendMessage({ type: 'status' })),
        ) as typeof status;
        return status.enrolled === true;
      });
      expect(status).toMatchObject({ enrolled: true, workspace: 'acme' });
      expect(status.policyError).toBeUndefined();
    });
  });
});
