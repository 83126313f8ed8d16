import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { decideTier } from './classification.ts';
import {
  approveDeployment,
  overrideDeploymentGate,
  readDeploymentGate,
} from './deployment-gate.ts';
import { readRecordLogs } from './notes.ts';
import { createRecord, readRegistryRecord, updateRecord } from './records.ts';

const T0 = Date.parse('2026-11-01T09:00:00Z');
const passed = {
  passed: true,
  at: T0,
  metrics: [{ name: 'sensitivity', status: 'pass' as const, at: T0 }],
};

function registry(tier: string) {
  const doc = new Y.Doc();
  createRecord(doc, 'triage', { name: 'Patient triage', lifecycle: 'development' }, 'Dana', T0);
  decideTier(doc, 'triage', {
    suggested: 'tier-1',
    decided: tier,
    ...(tier === 'tier-1' ? {} : { reason: 'decision support only' }),
    by: 'Dana',
    at: T0,
  });
  return doc;
}

/**
 * docs/monitoring.md MON6, after Metro Health's rule (../shared/reference/domain-review-2026-12.md,
 * F6): a Tier-1 system goes into use only after a passed run a lead approved, or an override with
 * its reason in the record's history.
 */
describe('the pre-deployment gate (MON6)', () => {
  it('keeps a record of the highest tier out of use until a lead approves a passed run', () => {
    const doc = registry('tier-1');
    expect(readDeploymentGate(doc, 'triage')).toMatchObject({ required: true, open: false });
    expect(() => updateRecord(doc, 'triage', { lifecycle: 'in-use' }, 'Dana', T0)).toThrow(
      /pre-deployment gate is closed/,
    );
    expect(readRegistryRecord(doc, 'triage')?.lifecycle).toBe('development');
    expect(() =>
      approveDeployment(doc, 'triage', { ...passed, passed: false }, 'Dana', T0),
    ).toThrow(/only a passed monitoring run/);
    approveDeployment(doc, 'triage', passed, 'Dana', T0 + 1);
    expect(updateRecord(doc, 'triage', { lifecycle: 'in-use' }, 'Dana', T0 + 2)).toBe(true);
    const history = readRecordLogs(doc, 'triage').history;
    expect(history.map((entry) => entry.action)).toContain('deployment-approved');
  });

  it('an override needs a reason, and keeps it in the record history', () => {
    const doc = registry('tier-1');
    expect(() => overrideDeploymentGate(doc, 'triage', '   ', 'Dana', T0)).toThrow(/reason/);
    overrideDeploymentGate(
      doc,
      'triage',
      'Clinical safety board accepted the vendor’s validation study',
      'Dana',
      T0 + 1,
    );
    expect(readDeploymentGate(doc, 'triage').decision).toMatchObject({
      kind: 'override',
      by: 'Dana',
    });
    updateRecord(doc, 'triage', { lifecycle: 'in-use' }, 'Dana', T0 + 2);
    const entry = readRecordLogs(doc, 'triage').history.find(
      (e) => e.action === 'deployment-override',
    );
    expect(entry?.reason).toBe('Clinical safety board accepted the vendor’s validation study');
  });

  it('lets lower tiers go into use freely', () => {
    const doc = registry('tier-2');
    expect(readDeploymentGate(doc, 'triage')).toMatchObject({ required: false, open: true });
    expect(updateRecord(doc, 'triage', { lifecycle: 'in-use' }, 'Dana', T0)).toBe(true);
  });
});
