import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { POLICY_ACKS, acknowledgePolicy, readPolicyAcks } from './index.ts';

const at = Date.UTC(2027, 0, 5, 10, 30);

describe('acknowledgements of the AI policy in the report document (docs/sync.md ACK1)', () => {
  it('keeps one per version, at day precision, and a second acknowledgement changes nothing', () => {
    const doc = new Y.Doc();
    expect(acknowledgePolicy(doc, { versionId: 'v2', number: 2, at })).toBe(true);
    expect(acknowledgePolicy(doc, { versionId: 'v2', number: 2, at: at + 86_400_000 })).toBe(false);
    acknowledgePolicy(doc, { versionId: 'v1', number: 1, at });
    expect(readPolicyAcks(doc)).toEqual([
      { versionId: 'v1', number: 1, day: '2027-01-05' },
      { versionId: 'v2', number: 2, day: '2027-01-05' },
    ]);
    // Nothing but the number and the day: no time of day, no name, no page.
    expect(doc.getMap(POLICY_ACKS).toJSON()).toEqual({
      v1: { number: 1, day: '2027-01-05' },
      v2: { number: 2, day: '2027-01-05' },
    });
  });

  it('refuses a bad version id or number and changes nothing', () => {
    const doc = new Y.Doc();
    expect(() => acknowledgePolicy(doc, { versionId: 'a b', number: 1, at })).toThrow(/id/);
    expect(() => acknowledgePolicy(doc, { versionId: 'v1', number: 0, at })).toThrow(/number/);
    expect(doc.getMap(POLICY_ACKS).size).toBe(0);
  });

  it('skips entries of the wrong shape and lists them', () => {
    const doc = new Y.Doc();
    acknowledgePolicy(doc, { versionId: 'v1', number: 1, at });
    doc.getMap<unknown>(POLICY_ACKS).set('v2', 'yes');
    doc.getMap<unknown>(POLICY_ACKS).set('v3', { number: 3, day: 'yesterday' });
    const problems: string[] = [];
    expect(readPolicyAcks(doc, problems).map((a) => a.versionId)).toEqual(['v1']);
    expect(problems.join('\n')).toMatch(/v2: not an acknowledgement/);
    expect(problems.join('\n')).toMatch(/v3: unreadable acknowledgement/);
  });
});
