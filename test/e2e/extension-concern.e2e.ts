import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readProposedConcerns } from '../../shared/documents/discoveries/index.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { tempDir } from '../helpers/temp-dir.ts';
import { hasChromium, launchWithExtension, type BrowserSession } from './harness/browser.ts';
import { mintToken, sendToExtension } from './harness/workspace.ts';
import { startServerProcess, type ServerProcess } from './harness/server-process.ts';

describe.skipIf(!hasChromium())('an employee’s concern reaches the leads (end to end)', () => {
  const data = tempDir();
  let relay: ServerProcess;
  let browser: BrowserSession;
  let options: Page;
  let lead: TestClient | undefined;
  const token = (...args: string[]) => mintToken(data.path, ...args);

  beforeAll(async () => {
    relay = await startServerProcess(data.path);
    browser = await launchWithExtension({});
    options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    const enrolled = await sendToExtension(options, {
      type: 'enrol',
      code: token('--role', 'member'),
      relayUrl: relay.url,
    });
    expect(enrolled, JSON.stringify(enrolled)).toEqual({ ok: true, workspace: 'acme' });
  });
  afterAll(async () => {
    lead?.destroy();
    await browser?.close();
    await relay?.stop();
    data.remove();
  });

  it('sends from the popup exactly what the preview showed, without a name', async () => {
    const popup = await browser.context.newPage();
    await popup.setViewportSize({ width: 380, height: 760 });
    await popup.goto(`chrome-extension://${browser.extensionId}/popup.html`);
    await popup.getByRole('button', { name: 'Report a concern about an AI tool' }).click();
    await popup.getByLabel('Which AI tool?').fill('Claude');
    await popup.getByLabel('What happened?').fill('It gave a customer a wrong refund policy.');
    const preview = popup.getByRole('group', { name: 'What will be sent' });
    expect(await preview.textContent()).toContain('It gave a customer a wrong refund policy.');
    expect(await preview.textContent()).toContain('No name');
    await popup.getByRole('button', { name: 'Send concern' }).click();
    await expect
      .poll(() => popup.getByText('Thank you: your concern is recorded').isVisible())
      .toBe(true);

    lead = connectClient(relay.syncUrl, 'acme/discoveries', token('--role', 'lead'));
    await waitFor(() => readProposedConcerns(lead!.doc).length === 1, 'the concern', 15_000);
    const [concern] = readProposedConcerns(lead.doc);
    expect(concern).toMatchObject({
      toolName: 'Claude',
      what: 'It gave a customer a wrong refund policy.',
    });
    expect(concern).not.toHaveProperty('name');
    await popup.close();
  });
});
