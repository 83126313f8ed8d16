import { beforeAll, describe, expect, it } from 'vitest';
import { savePlanMetric } from '../../shared/documents/monitoring/plan.ts';
import { createRecord } from '../../shared/documents/registry/index.ts';
import { readMonitoringAlerts } from '../../shared/documents/registry/monitoring-alerts.ts';
import { waitFor, type TestClient } from '../helpers/relay-client.ts';
import { hasChromium } from './harness/browser.ts';
import { seriousViolations, usePwaWorkspace, watchPage } from './harness/pwa-workspace.ts';

/**
 * docs/monitoring.md, issue 17's "done when": an ML pipeline posting observations past a
 * threshold shows as an alert a lead sees — through the real relay process, a token minted by the
 * real `sightline token --role pipeline`, and the built PWA in Chromium, with two leads online.
 */
describe.skipIf(!hasChromium())(
  'monitoring: a pipeline breaches a threshold, a lead sees it (end to end)',
  () => {
    const workspace = usePwaWorkspace();
    let registry: TestClient;

    beforeAll(async () => {
      registry = workspace.client('acme/registry', '--role', 'lead');
      await registry.outcome();
      createRecord(registry.doc, 'rec-credit', { name: 'Credit scoring' }, 'seed', Date.now());
      await registry.acknowledged();
      const monitoring = workspace.client('acme/monitoring/rec-credit', '--role', 'lead');
      await monitoring.outcome();
      // Population stability index above 0.25: a significant shift (a common rule of thumb).
      savePlanMetric(
        monitoring.doc,
        {
          name: 'psi',
          kind: 'drift',
          direction: 'at-most',
          threshold: 0.25,
          subgroups: [],
          onBreach: 'incident',
        },
        'seed',
        Date.now(),
      );
      await monitoring.acknowledged();
    });

    it('shows the alert on the dashboard and the record, once, with the chart and its threshold', async () => {
      const contexts = await Promise.all([
        workspace.browser().newContext({ viewport: { width: 1440, height: 900 } }),
        workspace
          .browser()
          .newContext({ viewport: { width: 390, height: 844 }, colorScheme: 'dark' }),
      ]);
      const [dashboard, record] = await Promise.all(contexts.map((context) => context.newPage()));
      const errors = [
        ...watchPage(dashboard!, { errors: true, csp: true }),
        ...watchPage(record!, { errors: true, csp: true }),
      ];
      await workspace.joinAsLead(dashboard!);
      await workspace.joinAsLead(record!);
      await dashboard!.evaluate(() => (window.location.hash = '#/dashboard'));
      await record!.evaluate(() => (window.location.hash = '#/inventory/rec-credit'));
      await expect
        .poll(() => dashboard!.locator('.monitoring-alerts').textContent(), { timeout: 15_000 })
        .toContain('No open monitoring alert.');
      await expect
        .poll(() => record!.locator('.monitoring').textContent(), { timeout: 15_000 })
        .toContain('psi');

      const pipeline = workspace.token('--role', 'pipeline', '--label', 'credit model CI');
      const response = await fetch(`${workspace.relay().url}/api/records/rec-credit/observations`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${pipeline}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          observations: [
            { metric: 'psi', value: 0.08, at: new Date(Date.now() - 2 * 86_400_000).toISOString() },
            { metric: 'psi', value: 0.12, at: new Date(Date.now() - 86_400_000).toISOString() },
            { metric: 'psi', value: 0.31, modelVersion: 'v7' },
          ],
        }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({
        added: 3,
        alerts: [{ metric: 'psi', action: 'incident' }],
      });

      await expect
        .poll(() => dashboard!.locator('.monitoring-alerts li').allTextContents(), {
          timeout: 15_000,
        })
        .toEqual([expect.stringMatching(/Credit scoring — psi: 0\.31, above 0\.25.*incident/)]);
      await expect
        .poll(() => record!.locator('.monitoring-alerts li').allTextContents(), { timeout: 15_000 })
        .toEqual([expect.stringMatching(/psi: 0\.31, above 0\.25/)]);
      await expect.poll(() => record!.locator('.metric-chart .recharts-line').count()).toBe(1);
      expect(await record!.locator('.metric-chart .recharts-reference-line').count()).toBe(1);
      expect(await record!.locator('.monitoring').textContent()).toContain(
        'The latest run did not pass: psi (breached)',
      );
      // Nothing of the monitoring section reaches past 390 px (the screen readers' tables are
      // visually hidden, clipped to nothing; a wide table scrolls inside itself on a phone).
      const wide = await record!.evaluate(() => {
        const scrollsInside = (element: Element) => {
          for (let e = element.parentElement; e && e.matches('.monitoring *'); e = e.parentElement)
            if (['auto', 'scroll'].includes(getComputedStyle(e).overflowX)) return true;
          return false;
        };
        return [...document.querySelectorAll('.monitoring *')]
          .filter((element) => !element.closest('.visually-hidden'))
          .filter((element) => !scrollsInside(element))
          .filter((element) => element.getBoundingClientRect().right > 390)
          .map((element) => `${element.tagName}.${element.className}`);
      });
      expect(wide).toEqual([]);
      expect(await seriousViolations(record!)).toEqual([]);

      // Two leads online, the relay and the pipeline: one alert, one incident.
      await record!.getByRole('button', { name: 'Mark as seen' }).click();
      await expect
        .poll(() => dashboard!.locator('.monitoring-alerts').textContent(), { timeout: 15_000 })
        .toContain('No open monitoring alert.');
      await waitFor(
        () =>
          readMonitoringAlerts(registry.doc).alerts.length === 1 &&
          readMonitoringAlerts(registry.doc).alerts[0]!.acknowledged !== undefined,
        'the alert, seen, in acme/registry',
        10_000,
      );
      expect(errors).toEqual([]);
      await Promise.all(contexts.map((context) => context.close()));
    });
  },
);
