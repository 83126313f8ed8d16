import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CLIENT_STATUS, readClientStatus, setClientStatus } from './index.ts';

const at = Date.UTC(2027, 0, 5, 10);

describe('the extension’s status in its report (docs/sync.md EXT1)', () => {
  it('keeps why policy enrolment failed, and removes it once it no longer fails', () => {
    const doc = new Y.Doc();
    setClientStatus(doc, { policyError: { message: 'the enrolment code has expired', at } });
    expect(readClientStatus(doc)).toEqual({
      policyError: { message: 'the enrolment code has expired', at },
    });
    let updates = 0;
    doc.on('update', () => updates++);
    setClientStatus(doc, { policyError: { message: 'the enrolment code has expired', at } });
    expect(updates).toBe(0); // the same status costs nothing
    setClientStatus(doc, {});
    expect(readClientStatus(doc)).toEqual({});
    expect(doc.getMap(CLIENT_STATUS).size).toBe(0);
  });

  it('cuts a long message and leaves out what it cannot read', () => {
    const doc = new Y.Doc();
    setClientStatus(doc, { policyError: { message: 'x'.repeat(1000), at } });
    expect(readClientStatus(doc).policyError?.message).toHaveLength(300);
    doc.getMap(CLIENT_STATUS).set('policyErrorAt', 'yesterday');
    const problems: string[] = [];
    expect(readClientStatus(doc, problems)).toEqual({});
    expect(problems.join('\n')).toMatch(/policyErrorAt/);
  });
});
