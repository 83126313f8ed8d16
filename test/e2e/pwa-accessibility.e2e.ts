import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { AI_RISK_ASSESSMENT, startAssessment } from '../../shared/assessments/index.ts';
import {
  createRecord,
  indexAssessment,
  readRegistry,
  saveRisk,
} from '../../shared/documents/registry/index.ts';
import { addFlag, recordSightings } from '../../shared/documents/report/index.ts';
import { hasChromium } from './harness/browser.ts';
import { seriousViolations, usePwaWorkspace, watchPage } from './harness/pwa-workspace.ts';

interface Finding {
  where: string;
  rule: string;
  impact: string;
  targets: string[];
}

/** axe on the page as it is now: the serious and critical violations, with their targets. */
async function audit(page: Page, where: string): Promise<Finding[]> {
  return (await seriousViolations(page)).map((v) => ({
    where,
    rule: `${v.id}: ${v.help}`,
    impact: v.impact ?? '',
    targets: v.nodes.map((node) => node.target.join(' ')),
  }));
}

describe.skipIf(!hasChromium())('accessibility of the PWA (end to end, axe)', () => {
  const ws = usePwaWorkspace();

  beforeAll(async () => {
    // Some data: a report with a couple of tools (one flagged), and a record in the registry.
    const report = ws.client('acme/reports/r1', '--role', 'member', '--reporter', 'r1');
    const at = Date.now();
    recordSightings(report.doc, [
      {
        toolKey: 'openai-chatgpt',
        name: 'ChatGPT',
        category: 'chat-assistant',
        host: 'chatgpt.com',
        signal: 'visit',
        at,
      },
      {
        toolKey: 'anthropic-claude',
        name: 'Claude',
        category: 'chat-assistant',
        host: 'claude.ai',
        signal: 'visit',
        at,
      },
    ]);
    addFlag(report.doc, {
      id: 'f1',
      toolKey: 'anthropic-claude',
      host: 'claude.ai',
      name: 'Claude',
      purpose: 'summarise support tickets',
      dataCategories: ['customer'],
      note: '',
      createdAt: at,
    });
    await report.acknowledged();
    const registry = ws.client('acme/registry', '--role', 'lead');
    await registry.outcome();
    createRecord(
      registry.doc,
      'rec-gpt',
      { name: 'ChatGPT Enterprise', toolKeys: ['openai-chatgpt'] },
      'dana',
      at,
    );
    saveRisk(
      registry.doc,
      'risk-1',
      {
        systemIds: ['rec-gpt'],
        source: 'privacy',
        description: 'Customer data pasted into prompts',
        likelihood: 4,
        impact: 4,
        treatment: 'mitigate',
        controls: ['A.7.4'],
        status: 'open',
      },
      'dana',
      at,
    );
    // An assessment of that record, listed in the registry, so its page and editors are checked.
    const assessment = ws.client('acme/assessment/a1', '--role', 'lead');
    await assessment.outcome();
    startAssessment(
      assessment.doc,
      {
        template: AI_RISK_ASSESSMENT,
        record: readRegistry(registry.doc).records.get('rec-gpt')!,
      },
      'dana',
      at,
    );
    indexAssessment(registry.doc, {
      id: 'a1',
      recordId: 'rec-gpt',
      kind: 'risk',
      title: 'AI risk assessment: ChatGPT Enterprise',
      createdAt: at,
      createdBy: 'dana',
    });
    await assessment.acknowledged();
    await registry.acknowledged();
  });

  it('has no serious or critical violations on any page, in the light and the dark theme', async () => {
    const context = await ws.browser().newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const csp = watchPage(page, { csp: true });
    await ws.joinAsLead(page);
    await expect
      .poll(() => page.getByRole('row', { name: /Claude/ }).isVisible(), { timeout: 15_000 })
      .toBe(true);

    const findings: Finding[] = [];
    const pages: Array<[string, string, string]> = [
      ['inbox', '#/inbox', 'Inbox'],
      ['inventory', '#/inventory', 'Inventory'],
      ['record', '#/inventory/rec-gpt', 'ChatGPT Enterprise'],
      ['dashboard', '#/dashboard', 'Dashboard'],
      ['import', '#/import', 'Import'],
      ['catalog', '#/catalog', 'Workspace catalog'],
      ['settings', '#/settings', 'Settings'],
      ['risks', '#/risks', 'Risk register'],
      ['soa', '#/soa', 'Statement of Applicability'],
      ['assessments', '#/assessments', 'Assessments'],
      ['assessment', '#/assessments/a1', 'AI risk assessment: ChatGPT Enterprise'],
      ['templates', '#/templates', 'Assessment templates'],
      ['management system', '#/aims', 'Management system'],
    ];
    for (const theme of ['light', 'dark'] as const) {
      if (theme === 'light') await page.emulateMedia({ colorScheme: 'light' });
      else {
        // Dark through the top bar's switch (the system stays light): the device's choice wins.
        await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
        await expect.poll(() => page.locator('html').getAttribute('data-theme')).toBe('dark');
      }
      for (const [name, hash, heading] of pages) {
        await page.evaluate((h) => (window.location.hash = h), hash);
        await expect
          .poll(() => page.locator('h1').first().textContent(), { timeout: 10_000 })
          .toContain(heading);
        await page.waitForTimeout(150); // lazy charts and transitions settle
        findings.push(...(await audit(page, `${name} (${theme})`)));
      }
      // The inbox with a tool's details open, then the open command palette.
      await page.evaluate(() => (window.location.hash = '#/inbox'));
      await page.getByRole('button', { name: 'Claude' }).click();
      await expect.poll(() => page.locator('aside h2').textContent()).toBe('Claude');
      await page.keyboard.press('x'); // ticked: the bulk actions show
      await expect.poll(() => page.getByText('1 selected').isVisible()).toBe(true);
      findings.push(...(await audit(page, `inbox details and selection (${theme})`)));
      await page.keyboard.press('x');
      await page.keyboard.press('Control+k');
      await expect
        .poll(() => page.getByRole('dialog', { name: 'Command palette' }).isVisible())
        .toBe(true);
      await page.keyboard.type('cla');
      findings.push(...(await audit(page, `command palette (${theme})`)));
      await page.keyboard.press('Escape');
    }
    if (findings.length > 0) console.log(JSON.stringify(findings, null, 2));
    expect(findings).toEqual([]);
    expect(csp).toEqual([]);
    await context.close();
  });
});
