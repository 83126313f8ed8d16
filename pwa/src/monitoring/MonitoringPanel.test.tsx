import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { findBreaches, metricSeries } from '../../../shared/documents/monitoring/evaluate.ts';
import {
  appendObservations,
  readObservations,
} from '../../../shared/documents/monitoring/observations.ts';
import { readPlan, savePlanMetric } from '../../../shared/documents/monitoring/plan.ts';
import {
  createRecord,
  decideTier,
  readRegistryRecord,
} from '../../../shared/documents/registry/index.ts';
import { readDeploymentGate } from '../../../shared/documents/registry/deployment-gate.ts';
import { raiseBreaches } from '../../../shared/documents/registry/monitoring-alerts.ts';
import { fakeSync } from '../test-support/fake-sync.ts';
import { fakeToken } from '../test-support/fake-token.ts';
import {
  button,
  choose,
  cleanup,
  click,
  field,
  render,
  settle,
  type,
} from '../test-support/render.tsx';
import { Dashboard } from '../dashboard/Dashboard.tsx';
import { MonitoringContext } from './monitoring-context.ts';
import { MonitoringPanel } from './MonitoringPanel.tsx';
import { cardLabelProblems } from '../ui/table-cards.test-support.ts';

const T0 = Date.parse('2026-11-01T09:00:00Z');
const HOSTILE = '<img src=x onerror="window.__pwned=1">';

afterEach(cleanup);

function setUp() {
  const credentials = {
    workspace: 'acme',
    role: 'lead' as const,
    token: fakeToken({ ws: 'acme', role: 'lead', jti: 'ab12' }),
  };
  const registry = new Y.Doc();
  createRecord(registry, 'credit', { name: 'Credit scoring' }, 'Dana', T0);
  const sync = fakeSync(credentials, { registry });
  return { registry, sync };
}

describe('MonitoringPanel', () => {
  it('a lead writes the plan and enters an observation with the pipeline API’s checks (MON3)', async () => {
    const { registry, sync } = setUp();
    const view = await render(
      <MonitoringContext.Provider value={sync.openMonitoring}>
        <MonitoringPanel recordId="credit" registry={registry} canEdit me="Dana" now={() => T0} />
      </MonitoringContext.Provider>,
    );
    expect(view.textContent).toContain('No monitoring plan yet');
    await type(field(view, 'Metric'), 'tpr');
    await choose(field(view, 'Kind'), 'fairness-gap');
    await type(field(view, 'Largest gap allowed'), '0.05');
    await type(field(view, 'Subgroups'), `women, men, ${HOSTILE.slice(0, 40)}`);
    await choose(field(view, 'A breach raises'), 'risk');
    await click(button(view, 'Save metric'));
    const opened = sync.openMonitoring('credit');
    const plan = readPlan(opened.doc);
    expect(plan.metrics.get('tpr')).toMatchObject({
      kind: 'fairness-gap',
      direction: 'at-most',
      threshold: 0.05,
      onBreach: 'risk',
    });
    expect(view.querySelector('.monitoring-metrics')?.textContent).toContain(HOSTILE.slice(0, 40));
    // On a phone each row is a card that names every value's column.
    expect(cardLabelProblems(view.querySelector('.monitoring-metrics'), ['Actions'])).toEqual([]);
    expect(view.querySelector('img')).toBeNull();

    const form = view.querySelector('form[aria-label="Add an observation"]') as HTMLElement;
    await type(field(form, 'Value'), 'lots');
    await click(button(form, 'Add observation'));
    expect(form.textContent).toMatch(/"value" must be a finite number/);
    expect(readObservations(opened.doc).observations).toHaveLength(0);
    await type(field(form, 'Value'), '0.81');
    await type(field(form, 'Subgroup'), 'women');
    await click(button(form, 'Add observation'));
    expect(readObservations(opened.doc).observations).toMatchObject([
      { metric: 'tpr', value: 0.81, subgroup: 'women', at: T0 },
    ]);
    opened.release();
  });

  it('the record page and the dashboard show the same alert, read from the registry', async () => {
    const { registry, sync } = setUp();
    const opened = sync.openMonitoring('credit');
    savePlanMetric(
      opened.doc,
      {
        name: 'psi',
        kind: 'drift',
        direction: 'at-most',
        threshold: 0.25,
        subgroups: [],
        onBreach: 'incident',
      },
      'Dana',
      T0,
    );
    appendObservations(
      opened.doc,
      [{ metric: 'psi', value: 0.31, subgroup: '', at: T0, modelVersion: '', n: 0 }],
      'Pipeline',
      T0,
    );
    const series = metricSeries(readPlan(opened.doc), readObservations(opened.doc).observations);
    raiseBreaches(registry, findBreaches('credit', series), 'Sightline monitoring', T0);
    const page = await render(
      <MonitoringContext.Provider value={sync.openMonitoring}>
        <MonitoringPanel recordId="credit" registry={registry} canEdit me="Dana" now={() => T0} />
      </MonitoringContext.Provider>,
    );
    const dashboard = await render(
      <Dashboard registry={registry} discoveries={undefined} policy={undefined} now={() => T0} />,
    );
    await settle();
    const onPage = page.querySelector('.monitoring-alerts li')?.textContent ?? '';
    const onDashboard = dashboard.querySelector('.monitoring-alerts li')?.textContent ?? '';
    expect(onPage).toContain('psi: 0.31, above 0.25');
    expect(onDashboard).toContain('Credit scoring');
    expect(onDashboard).toContain('psi: 0.31, above 0.25');
    expect(page.textContent).toContain('The latest run did not pass: psi (breached)');
    await click(button(page, 'Mark as seen'));
    expect(dashboard.textContent).toContain('No open monitoring alert.');
    expect(page.querySelector('.monitoring-alerts li')?.textContent).toContain('seen by Dana');
    opened.release();
  });

  it('MON6: a lead approves a passed run of a Tier-1 system for use; until then it stays out of use', async () => {
    const { registry, sync } = setUp();
    decideTier(registry, 'credit', { suggested: 'tier-1', decided: 'tier-1', by: 'Dana', at: T0 });
    const opened = sync.openMonitoring('credit');
    savePlanMetric(
      opened.doc,
      {
        name: 'accuracy',
        kind: 'accuracy',
        direction: 'at-least',
        threshold: 0.9,
        subgroups: [],
        onBreach: 'alert',
      },
      'Dana',
      T0,
    );
    appendObservations(
      opened.doc,
      [{ metric: 'accuracy', value: 0.8, subgroup: '', at: T0, modelVersion: '', n: 0 }],
      'Pipeline',
      T0,
    );
    const page = await render(
      <MonitoringContext.Provider value={sync.openMonitoring}>
        <MonitoringPanel
          recordId="credit"
          registry={registry}
          canEdit
          me="Dana"
          now={() => T0 + 1}
        />
      </MonitoringContext.Provider>,
    );
    expect(page.querySelector('.deployment-gate')?.textContent).toContain('Closed');
    expect(button(page, 'Approve the latest run for use').disabled).toBe(true);
    appendObservations(
      opened.doc,
      [{ metric: 'accuracy', value: 0.93, subgroup: '', at: T0 + 1, modelVersion: '', n: 0 }],
      'Pipeline',
      T0 + 1,
    );
    await settle();
    await click(button(page, 'Approve the latest run for use'));
    expect(readDeploymentGate(registry, 'credit')).toMatchObject({
      open: true,
      decision: { kind: 'approved', by: 'Dana' },
    });
    expect(page.querySelector('.deployment-gate')?.textContent).toContain('Approved by Dana');
    expect(readRegistryRecord(registry, 'credit')?.lifecycle).toBeUndefined();
    opened.release();
  });

  it('imports observations from a CSV file, all or nothing, checked like the pipeline API', async () => {
    const { registry, sync } = setUp();
    const opened = sync.openMonitoring('credit');
    savePlanMetric(
      opened.doc,
      {
        name: 'accuracy',
        kind: 'accuracy',
        direction: 'at-least',
        threshold: 0.9,
        subgroups: [],
        onBreach: 'alert',
      },
      'Dana',
      T0,
    );
    const page = await render(
      <MonitoringContext.Provider value={sync.openMonitoring}>
        <MonitoringPanel
          recordId="credit"
          registry={registry}
          canEdit
          me="Dana"
          now={() => T0 + 1}
        />
      </MonitoringContext.Provider>,
    );
    const importFile = async (content: string, outcome: string) => {
      const input = page.querySelector<HTMLInputElement>('input[type="file"]')!;
      Object.defineProperty(input, 'files', {
        configurable: true,
        value: [new File([content], 'runs.csv')],
      });
      input.dispatchEvent(new Event('change', { bubbles: true }));
      for (let i = 0; i < 200 && !page.querySelector(outcome); i++)
        await new Promise((resolve) => setTimeout(resolve, 5));
      await settle();
    };
    await importFile(
      'metric,value,at\naccuracy,0.93,2026-10-01T00:00:00Z\naccuracy,high,2026-10-02T00:00:00Z\n',
      '[role="alert"]',
    );
    expect(page.querySelector('[role="alert"]')?.textContent).toBe(
      'Nothing added: line 3: "value" must be a finite number',
    );
    expect(readObservations(opened.doc).observations).toHaveLength(0);
    await importFile(
      'Metric,Value,At\naccuracy,0.93,2026-10-01T00:00:00Z\naccuracy,0.95,2026-10-02T00:00:00Z\n',
      '[role="status"]',
    );
    expect(page.querySelector('[role="status"]')?.textContent).toBe(
      'Added 2 observations from runs.csv.',
    );
    expect(readObservations(opened.doc).observations.map((o) => o.value)).toEqual([0.93, 0.95]);
    opened.release();
  });
});
