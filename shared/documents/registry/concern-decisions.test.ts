import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DETECTED, HOUR, incidentFields } from '../../incidents/fixture.test-support.ts';
import {
  acceptConcern,
  dismissConcern,
  readConcernDecisions,
  readIncidentRegister,
} from './index.ts';

const fields = incidentFields({ title: 'Concern about ChatGPT', type: 'harm' });

describe('decisions on employees’ concerns (I9)', () => {
  it('accepts a concern: the incident and the decision together, once', () => {
    const doc = new Y.Doc();
    acceptConcern(doc, 'r1.c1', 'inc-1', fields, 'lead-1', DETECTED + HOUR);
    expect(readIncidentRegister(doc).incidents.get('inc-1')?.title).toBe('Concern about ChatGPT');
    expect(readConcernDecisions(doc).get('r1.c1')).toEqual({
      key: 'r1.c1',
      state: 'accepted',
      incidentId: 'inc-1',
      by: 'lead-1',
      at: DETECTED + HOUR,
    });
    expect(() => dismissConcern(doc, 'r1.c1', 'dup', 'lead-2', DETECTED + HOUR)).toThrow(
      /already been decided/,
    );
  });

  it('changes nothing when the incident is refused or the reason is blank', () => {
    const doc = new Y.Doc();
    expect(() =>
      acceptConcern(doc, 'r1.c1', 'inc-1', { ...fields, title: ' ' }, 'lead-1', DETECTED),
    ).toThrow(/title/);
    expect(() => dismissConcern(doc, 'r1.c1', '  ', 'lead-1', DETECTED)).toThrow(/why/);
    expect(readConcernDecisions(doc).size).toBe(0);
    expect(readIncidentRegister(doc).incidents.size).toBe(0);
  });
});
