import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  appendObservations,
  readObservations,
} from '../../shared/documents/monitoring/observations.ts';
import { savePlanMetric } from '../../shared/documents/monitoring/plan.ts';
import { createRecord } from '../../shared/documents/registry/records.ts';
import { readIncidentRegister } from '../../shared/documents/registry/incidents-read.ts';
import { readMonitoringAlerts } from '../../shared/documents/registry/monitoring-alerts.ts';
import { savePsiPlan } from '../helpers/observations-client.ts';
import { connectClient, waitFor } from '../helpers/relay-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

/**
 * docs/sync.md MON1–MON5: `POST /api/records/<id>/observations` through a real relay, real
 * tokens and the real SQLite store. Metrics and thresholds follow the shapes of Fairlearn's
 * MetricFrame (per-group true-positive rates, difference = largest minus smallest,
 * https://fairlearn.org/v0.12/user_guide/assessment/common_fairness_metrics.html) and a
 * population-stability drift statistic (PSI, alert above 0.25).
 */
let server: TestServer & { remove(): void };
const T0 = Date.parse('2026-11-01T09:00:00Z');

async function direct<T>(name: string, change: (doc: Y.Doc) => T): Promise<T> {
  const connection = await server.hocuspocus.openDirectConnection(name, { relay: true });
  try {
    let result: T;
    await connection.transact((doc) => (result = change(doc)));
    return result!;
  } finally {
    await connection.disconnect();
  }
}

/** What the store holds for a document: its snapshot and every log entry, merged. */
async function stored(name: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of await server.relayStorage.documents('test').load(name))
    Y.applyUpdate(doc, update);
  return doc;
}

async function post(recordId: string, body: unknown, token: string, type = 'application/json') {
  const response = await fetch(`${server.url}/api/records/${recordId}/observations`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': type },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

let pipeline: string;
beforeAll(async () => {
  server = await startTestServer();
  pipeline = await server.token('acme', 'pipeline');
  await direct('acme/registry', (doc) => {
    createRecord(doc, 'credit', { name: 'Credit scoring' }, 'Lead', T0);
    createRecord(doc, 'triage', { name: 'Patient triage' }, 'Lead', T0);
  });
  await direct('acme/monitoring/credit', (doc) => {
    savePlanMetric(
      doc,
      {
        name: 'accuracy',
        kind: 'accuracy',
        direction: 'at-least',
        threshold: 0.9,
        subgroups: [],
        onBreach: 'alert',
      },
      'Lead',
      T0,
    );
    savePsiPlan(doc, T0);
    savePlanMetric(
      doc,
      {
        name: 'tpr',
        kind: 'fairness-gap',
        direction: 'at-most',
        threshold: 0.05,
        subgroups: ['women', 'men'],
        onBreach: 'risk',
      },
      'Lead',
      T0,
    );
  });
});
afterAll(async () => {
  await server.close();
  server.remove();
});

describe('observations from a pipeline (MON1–MON5)', () => {
  it('MON1: a pipeline token opens no document, manages no tokens; contributors and members add no observations', async () => {
    const client = connectClient(server.syncUrl, 'acme/monitoring/credit', pipeline);
    expect(await client.outcome()).toEqual({ refused: 'permission-denied' });
    client.destroy();
    const tokens = await fetch(`${server.url}/api/tokens`, {
      headers: { Authorization: `Bearer ${pipeline}` },
    });
    expect(tokens.status).toBe(403);
    for (const role of ['contributor', 'member'] as const) {
      const { status, body } = await post(
        'credit',
        { metric: 'accuracy', value: 0.95 },
        await server.token('acme', role),
      );
      expect(status).toBe(403);
      expect(body.error).toMatch(/pipeline/);
    }
    const other = await post(
      'credit',
      { metric: 'accuracy', value: 0.95 },
      await server.token('other', 'pipeline'),
    );
    expect(other.status).toBe(404); // P1: its workspace has no such record
  });

  it('MON2: one observation alone or a list; a lead watching the document sees them live; 200 only once durable (DR1)', async () => {
    const lead = connectClient(
      server.syncUrl,
      'acme/monitoring/credit',
      await server.token('acme', 'lead'),
    );
    await waitFor(() => lead.provider.synced, 'lead synced');
    const one = await post(
      'credit',
      {
        metric: 'accuracy',
        value: 0.95,
        at: '2026-11-02T09:00:00Z',
        n: 1200,
        modelVersion: 'v3.1',
      },
      pipeline,
    );
    expect(one).toEqual({ status: 200, body: { added: 1, alerts: [] } });
    const list = await post(
      'credit',
      {
        observations: [
          { metric: 'accuracy', value: 0.94, at: '2026-11-03T09:00:00Z' },
          { metric: 'tpr', value: 0.81, subgroup: 'women', at: '2026-11-03T09:00:00Z' },
          { metric: 'tpr', value: 0.83, subgroup: 'men', at: '2026-11-03T09:00:00Z' },
        ],
      },
      pipeline,
    );
    expect(list).toEqual({ status: 200, body: { added: 3, alerts: [] } });
    // Durable before acknowledged: the database already holds both batches.
    const kept = readObservations(await stored('acme/monitoring/credit'));
    expect(kept.observations.map((o) => o.value)).toEqual([0.95, 0.94, 0.81, 0.83]);
    expect(kept.observations[0]).toMatchObject({ n: 1200, modelVersion: 'v3.1', subgroup: '' });
    await waitFor(() => readObservations(lead.doc).observations.length === 4, 'live on the lead');
    lead.destroy();
  });

  it('MON3: bad input is refused with a clear 400 naming the first fault, and nothing is written', async () => {
    const before = readObservations(await stored('acme/monitoring/credit')).chunks;
    const cases: [unknown, RegExp][] = [
      [
        {
          observations: [
            { metric: 'accuracy', value: 0.9 },
            { metric: 'accuracy', value: 'high' },
          ],
        },
        /observations\[1\]: "value" must be a finite number/,
      ],
      [
        { observations: [{ metric: 'recall', value: 0.9 }] },
        /"recall" is not in this system's monitoring plan/,
      ],
      [{ metric: 'accuracy', value: 0.9, colour: 'red' }, /unknown field "colour"/],
      [
        JSON.parse('{"metric":"accuracy","value":0.9,"__proto__":{"admin":true}}'),
        /unknown field "__proto__"/,
      ],
      [{ metric: 'accuracy', value: 0.9, at: 'yesterday' }, /"at" must be an ISO-8601 time/],
      [{ metric: 'accuracy', value: 0.9, at: '2999-01-01T00:00:00Z' }, /"at" is in the future/],
      [{ metric: 'tpr', value: 0.9, subgroup: 'wo\u0000men' }, /"subgroup" must be 1–64 printable/],
      [{ metric: 'accuracy', value: 0.9, n: 2.5 }, /"n" must be a whole number/],
      [{ observations: [] }, /observations: is empty/],
      [
        { observations: Array.from({ length: 10_001 }, () => ({ metric: 'psi', value: 0 })) },
        /at most 10000 per request/,
      ],
      [{ observations: {}, extra: 1 }, /unknown field "extra"/],
    ];
    for (const [body, message] of cases) {
      const answer = await post('credit', body, pipeline);
      expect(answer.status, JSON.stringify(body).slice(0, 80)).toBe(400);
      expect(answer.body.error).toMatch(message);
    }
    expect((await post('credit', '{"metric":', pipeline)).status).toBe(400);
    expect(
      (await post('credit', { metric: 'accuracy', value: 1 }, pipeline, 'text/plain')).status,
    ).toBe(415);
    expect((await post('nobody', { metric: 'accuracy', value: 1 }, pipeline)).status).toBe(404);
    expect((await post('triage', { metric: 'accuracy', value: 1 }, pipeline)).body.error).toMatch(
      /plan has no metrics/,
    );
    expect(readObservations(await stored('acme/monitoring/credit')).chunks).toBe(before);
  });

  it('MON4–MON5: a breach raises one alert, the incident or risk its plan asks for, once — also when posted twice at once', async () => {
    const drift = {
      observations: [
        { metric: 'psi', value: 0.31, at: '2026-11-10T09:00:00Z' },
        { metric: 'accuracy', value: 0.86, at: '2026-11-10T09:00:00Z' },
        { metric: 'tpr', value: 0.71, subgroup: 'women', at: '2026-11-10T09:00:00Z' },
        { metric: 'tpr', value: 0.84, subgroup: 'men', at: '2026-11-10T09:00:00Z' },
      ],
    };
    const first = await post('credit', drift, pipeline);
    expect(first.status).toBe(200);
    expect(
      (first.body.alerts as { metric: string; action: string }[])
        .map((a) => `${a.metric}:${a.action}`)
        .sort(),
    ).toEqual(['accuracy:alert', 'psi:incident', 'tpr:risk']);
    // The breach goes on: the same alerts, none new, even from two pipelines at once.
    const more = {
      observations: [
        { metric: 'psi', value: 0.4, at: '2026-11-11T09:00:00Z' },
        { metric: 'accuracy', value: 0.8, at: '2026-11-11T09:00:00Z' },
      ],
    };
    const [a, b] = await Promise.all([
      post('credit', more, pipeline),
      post('credit', more, pipeline),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect([...(a.body.alerts as []), ...(b.body.alerts as [])]).toEqual([]);
    const registry = await stored('acme/registry');
    const { alerts } = readMonitoringAlerts(registry);
    expect(alerts).toHaveLength(3);
    const fairness = alerts.find((alert) => alert.kind === 'fairness')!;
    expect(fairness).toMatchObject({ high: 'men', low: 'women', threshold: 0.05 });
    expect(fairness.worst).toBeCloseTo(0.13);
    const incident = readIncidentRegister(registry).incidents.get(
      alerts.find((x) => x.metric === 'psi')!.incidentId!,
    );
    expect(incident).toMatchObject({ type: 'drift', systemId: 'credit', status: 'open' });
    // Back within the threshold, then past it again: a new breach, a new alert.
    await post('credit', { metric: 'accuracy', value: 0.95, at: '2026-11-12T09:00:00Z' }, pipeline);
    const again = await post(
      'credit',
      { metric: 'accuracy', value: 0.7, at: '2026-11-13T09:00:00Z' },
      pipeline,
    );
    expect(again.body.alerts).toHaveLength(1);
  });

  it('MON5: observations two leads enter by hand, online at once, raise their breach once (the relay raises it)', async () => {
    await direct('acme/monitoring/triage', (doc) =>
      savePlanMetric(
        doc,
        {
          name: 'sensitivity',
          kind: 'accuracy',
          direction: 'at-least',
          threshold: 0.85,
          subgroups: ['over 65', 'under 65'],
          onBreach: 'incident',
        },
        'Lead',
        T0,
      ),
    );
    const leads = [
      connectClient(server.syncUrl, 'acme/monitoring/triage', await server.token('acme', 'lead')),
      connectClient(server.syncUrl, 'acme/monitoring/triage', await server.token('acme', 'lead')),
    ];
    await waitFor(() => leads.every((lead) => lead.provider.synced), 'leads synced');
    const at = Date.parse('2026-11-20T09:00:00Z');
    for (const lead of leads)
      appendObservations(
        lead.doc,
        [{ metric: 'sensitivity', value: 0.78, subgroup: 'over 65', at, modelVersion: '', n: 412 }],
        'Lead',
        at,
      );
    await Promise.all(leads.map((lead) => lead.acknowledged()));
    // The registry as the relay holds it, or as stored once it unloads.
    const registryNow = async () =>
      server.hocuspocus.documents.get('acme/registry') ?? (await stored('acme/registry'));
    for (const start = Date.now(); ; await new Promise((resolve) => setTimeout(resolve, 20))) {
      const alerts = readMonitoringAlerts(await registryNow()).alerts;
      if (alerts.some((a) => a.recordId === 'triage')) break;
      if (Date.now() - start > 10_000)
        throw new Error('timed out waiting for the relay raised the breach');
    }
    await new Promise((resolve) => setTimeout(resolve, 600)); // both changes evaluated
    const registry = await stored('acme/registry');
    const mine = readMonitoringAlerts(registry).alerts.filter(
      (alert) => alert.recordId === 'triage',
    );
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({
      metric: 'sensitivity',
      subgroup: 'over 65',
      raisedBy: 'Sightline monitoring',
    });
    expect(readIncidentRegister(registry).incidents.get(mine[0]!.incidentId!)).toMatchObject({
      type: 'drift',
      systemId: 'triage',
    });
    leads.forEach((lead) => lead.destroy());
  });

  it('MON3: a token that floods is answered 429 with Retry-After, and others are not slowed', async () => {
    const flooder = await server.token('acme', 'pipeline');
    const statuses: number[] = [];
    for (let i = 0; i < 70; i++)
      statuses.push((await post('credit', { metric: 'nope', value: 1 }, flooder)).status);
    expect(statuses.slice(0, 50).every((status) => status === 400)).toBe(true);
    expect(statuses).toContain(429);
    const response = await fetch(`${server.url}/api/records/credit/observations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${flooder}`, 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('1');
    expect((await post('credit', { metric: 'nope', value: 1 }, pipeline)).status).toBe(400);
  });

  it('MON3: past the document quota the batch is refused with 413 and nothing is written', async () => {
    const small = await startTestServer({ limits: { maxDocumentBytes: 4_000 } });
    try {
      const token = await small.token('acme', 'pipeline');
      const connection = await small.hocuspocus.openDirectConnection('acme/registry', {
        relay: true,
      });
      await connection.transact((doc) =>
        createRecord(doc, 'credit', { name: 'Credit' }, 'Lead', T0),
      );
      await connection.disconnect();
      const plan = await small.hocuspocus.openDirectConnection('acme/monitoring/credit', {
        relay: true,
      });
      await plan.transact((doc) =>
        savePlanMetric(
          doc,
          {
            name: 'psi',
            kind: 'drift',
            direction: 'at-most',
            threshold: 1,
            subgroups: [],
            onBreach: 'alert',
          },
          'Lead',
          T0,
        ),
      );
      await plan.disconnect();
      const send = (count: number) =>
        fetch(`${small.url}/api/records/credit/observations`, {
          method: 'POST',
          headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
          body: JSON.stringify({
            observations: Array.from({ length: count }, (_, i) => ({
              metric: 'psi',
              value: i / 1000,
            })),
          }),
        });
      expect((await send(10)).status).toBe(200);
      const refused = await send(200);
      expect(refused.status).toBe(413);
      expect(await refused.json()).toEqual({ error: 'document quota exceeded' });
    } finally {
      await small.close();
      small.remove();
    }
  });
});
