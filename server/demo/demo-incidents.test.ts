import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readIncidentRegister } from '../../shared/documents/registry/index.ts';
import { incidentClocks } from '../../shared/incidents/clocks.ts';
import { writeDemoIncidents } from './demo-incidents.ts';

describe('the demo incident register', () => {
  it('has an incident with a running GDPR Art. 33 clock and a near miss', () => {
    const doc = new Y.Doc();
    const now = Date.UTC(2026, 11, 7, 12);
    writeDemoIncidents(doc, now);
    const { incidents, problems } = readIncidentRegister(doc);
    expect(problems).toEqual([]);
    const clocks = incidentClocks(incidents.get('inc-support-draft-leak')!, now);
    expect(clocks.map((c) => [c.period.citation, c.state, c.msLeft])).toEqual([
      ['GDPR Art. 33(1)', 'running', 46 * 3_600_000],
    ]);
    expect(incidents.get('inc-screening-near-miss')?.kind).toBe('near-miss');
  });
});
