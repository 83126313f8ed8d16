import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  POLICY_ACK_COUNTS,
  acceptanceRate,
  readPolicyAckCounts,
  writePolicyAckCounts,
  type PolicyAckCount,
} from './index.ts';

const count: PolicyAckCount = {
  versionId: 'v2',
  number: 2,
  acknowledged: 5,
  ofActive: 3,
  active: 4,
  computedAt: Date.UTC(2027, 0, 5),
};

describe('the acknowledgement counts in W/discoveries (docs/sync.md ACK2, ACK3)', () => {
  it('writes each version whole, reads it back, and a new time alone is no change', () => {
    const doc = new Y.Doc();
    expect(writePolicyAckCounts(doc, [count])).toBe(true);
    expect(readPolicyAckCounts(doc)).toEqual([count]);
    expect(writePolicyAckCounts(doc, [{ ...count, computedAt: count.computedAt + 1 }])).toBe(false);
    expect(writePolicyAckCounts(doc, [])).toBe(true);
    expect(readPolicyAckCounts(doc)).toEqual([]);
  });

  it('ACK2: the rate is the share of active extensions that acknowledged; none active, no rate', () => {
    expect(acceptanceRate(count)).toBe(0.75);
    expect(acceptanceRate({ ofActive: 0, active: 0 })).toBeUndefined();
  });

  it('refuses impossible counts and changes nothing', () => {
    const doc = new Y.Doc();
    expect(() => writePolicyAckCounts(doc, [{ ...count, ofActive: 6 }])).toThrow(/exceed/);
    expect(() => writePolicyAckCounts(doc, [{ ...count, active: -1 }])).toThrow(/whole/);
    expect(doc.getMap(POLICY_ACK_COUNTS).size).toBe(0);
  });

  it('skips entries of the wrong shape and lists them', () => {
    const doc = new Y.Doc();
    writePolicyAckCounts(doc, [count]);
    doc.getMap<unknown>(POLICY_ACK_COUNTS).set('v3', 7);
    doc.getMap<unknown>(POLICY_ACK_COUNTS).set('v4', { ...count, ofActive: 9 });
    const problems: string[] = [];
    expect(readPolicyAckCounts(doc, problems).map((c) => c.versionId)).toEqual(['v2']);
    expect(problems.join('\n')).toMatch(/v3: not a policy count/);
    expect(problems.join('\n')).toMatch(/v4: unreadable policy count/);
  });
});
