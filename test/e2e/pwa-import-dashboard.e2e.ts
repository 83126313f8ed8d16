import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { readNetworkLog } from '../../shared/documents/registry/index.ts';
import { fixturePath } from '../fixtures/logs/expected.ts';
import { waitFor } from '../helpers/relay-client.ts';
import { hasChromium } from './harness/browser.ts';
import { seriousViolations, usePwaWorkspace, watchPage } from './harness/pwa-workspace.ts';

const LINES = 300_000;

/** A proxy export: mostly ordinary sites, some AI, and URLs with paths and queries that must not be kept. */
function proxyLog(path: string): void {
  const start = Date.UTC(2026, 10, 2, 8);
  const hosts = [
    'https://www.example.com/index',
    'https://intranet.acme.example/wiki',
    'https://chatgpt.com/c/secret-plan?q=salaries',
    'https://www.perplexity.ai/search?q=merger',
    'https://news.example.org/',
  ];
  const rows = ['timestamp,user,url,status'];
  for (let i = 0; i < LINES; i++) {
    rows.push(
      `${new Date(start + i * 1000).toISOString()},user${i % 40},${hosts[i % hosts.length]},200`,
    );
  }
  writeFileSync(path, rows.join('\n') + '\n');
}

async function audit(page: Page) {
  return (await seriousViolations(page)).map(
    (v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

describe.skipIf(!hasChromium())('network-log import and dashboard (end to end)', () => {
  const ws = usePwaWorkspace();

  it('matches a 300,000-line log in a worker, keeps only hostnames, and shows it in the inbox and dashboard', async () => {
    const relay = ws.relay();
    const log = join(ws.dataDir(), 'proxy.csv');
    proxyLog(log);
    const page = await (await ws.browser().newContext()).newPage();
    const errors = watchPage(page, { errors: true });
    await ws.joinAsLead(page);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Inbox' }).isVisible(), { timeout: 15_000 })
      .toBe(true);

    await page.goto(`${relay.url}/#/import`);
    const started = Date.now();
    await page.getByLabel('Choose a log file').setInputFiles(log);
    const add = page.getByRole('button', { name: 'Add 2 tools to the inbox' });
    await add.waitFor({ timeout: 60_000 });
    const ms = Date.now() - started;
    console.log(`network-log import: ${LINES} lines matched in ${ms} ms in the browser's worker`);
    expect(await page.locator('.scan-summary').textContent()).toBe(
      `Read as a CSV or TSV export with a header row: 2 AI tools found in ${(LINES + 1).toLocaleString('en')} lines (${(LINES * 0.4).toLocaleString('en')} lines matched, 0 lines not understood).`,
    );
    expect(await audit(page)).toEqual([]);
    await add.click();
    await expect
      .poll(() => page.locator('.log-import [role="status"]').textContent())
      .toContain('Added 2 tools');

    // The relay's registry holds the hostnames, lines and times, and nothing of the URLs' paths.
    const lead = ws.client('acme/registry', '--role', 'lead');
    await waitFor(
      () => readNetworkLog(lead.doc).tools.size === 2,
      'the import in acme/registry',
      10_000,
    );
    expect(readNetworkLog(lead.doc).tools.get('openai-chatgpt')).toMatchObject({
      hosts: ['chatgpt.com'],
      lines: LINES / 5,
    });
    expect(JSON.stringify(lead.doc.toJSON())).not.toMatch(/secret-plan|salaries|merger|user\d/);

    await page.goto(`${relay.url}/#/inbox`);
    const row = page.getByRole('row', { name: /Perplexity/ });
    await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('network log');

    await page.goto(`${relay.url}/#/dashboard`);
    await page.getByRole('heading', { name: 'Records by tier' }).waitFor({ timeout: 10_000 });
    await expect.poll(() => page.locator('.oldest-untriaged li').count()).toBe(2);
    expect(await page.locator('.chart-card svg').count()).toBeGreaterThan(0);
    expect(await audit(page)).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('reads a gzipped Squid log in the browser, and refuses to call a log without hostnames an all-clear', async () => {
    const relay = ws.relay();
    const squid = join(ws.dataDir(), 'access.log.gz');
    writeFileSync(squid, gzipSync(readFileSync(fixturePath('squid-native.log'))));
    const page = await (await ws.browser().newContext()).newPage();
    const errors = watchPage(page, { errors: true });
    await ws.joinAsLead(page);
    await page.getByRole('heading', { name: 'Inbox' }).waitFor({ timeout: 15_000 });
    await page.goto(`${relay.url}/#/import`);

    await page.getByLabel('Choose a log file').setInputFiles(squid);
    await page
      .getByRole('button', { name: 'Add 4 tools to the inbox' })
      .waitFor({ timeout: 30_000 });
    expect(await page.locator('.scan-summary').textContent()).toMatch(
      /^Read as a Squid native access log: 4 AI tools found in 9 lines/,
    );
    await page.getByRole('button', { name: 'Discard' }).click();

    await page.getByLabel('Choose a log file').setInputFiles(fixturePath('paloalto-traffic.log'));
    const alert = page.locator('.log-import [role="alert"]');
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.textContent()).toMatch(
      /^Nothing was added from paloalto-traffic\.log\. Sightline read this file as a Palo Alto .* None of its 6 lines names a host: Palo Alto TRAFFIC logs record addresses, ports and applications, not hostnames/,
    );
    expect(await page.getByRole('button', { name: /to the inbox/ }).count()).toBe(0);
    expect(await page.getByLabel('Log format').inputValue()).toBe('auto');
    expect(await audit(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
