import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DETECTED, HOUR, incidentFields } from '../../incidents/fixture.test-support.ts';
import {
  INCIDENTS,
  deleteIncident,
  readIncidentRegister,
  saveIncident,
  type IncidentFields,
} from './index.ts';

const AT = DETECTED + HOUR;
const base = incidentFields({
  peopleAffected: 'Card holders',
  peopleCount: 1200,
  serious: ['c'],
  personalDataBreach: true,
  informed: { provider: { at: DETECTED + 2 * HOUR, by: 'Dana', to: 'Vendor support' } },
  useSuspended: true,
  riskIds: ['risk-1'],
  correctiveAction: 'Rolled back to the previous model version.',
});

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
}

describe('saveIncident and readIncidentRegister', () => {
  it('stores an incident and reads it back with who created it', () => {
    const doc = new Y.Doc();
    expect(saveIncident(doc, 'inc-1', base, 'lead-1', AT)).toBe(true);
    const { incidents, problems } = readIncidentRegister(doc);
    expect(problems).toEqual([]);
    expect(incidents.get('inc-1')).toEqual({
      id: 'inc-1',
      ...base,
      createdBy: 'lead-1',
      createdAt: AT,
      updatedBy: 'lead-1',
      updatedAt: AT,
    });
  });

  it('writes nothing when nothing changed, and keeps the creator on an edit', () => {
    const doc = new Y.Doc();
    saveIncident(doc, 'inc-1', base, 'lead-1', AT);
    expect(saveIncident(doc, 'inc-1', base, 'lead-2', AT + HOUR)).toBe(false);
    expect(saveIncident(doc, 'inc-1', { ...base, status: 'closed' }, 'lead-2', AT + HOUR)).toBe(
      true,
    );
    expect(readIncidentRegister(doc).incidents.get('inc-1')).toMatchObject({
      status: 'closed',
      createdBy: 'lead-1',
      updatedBy: 'lead-2',
    });
  });

  it.each([
    ['a blank title', { title: '  ' }, /title/],
    ['no system', { systemId: '' }, /system/],
    ['an unknown type', { type: 'weather' }, /type/],
    ['a detection in the future', { detectedAt: AT + 2 * HOUR }, /future/],
    ['an Art. 3(49) point that does not exist', { serious: ['e'] }, /3\(49\)/],
    ['a death without Art. 3(49)(a)', { death: true, serious: ['b'] }, /3\(49\)\(a\)/],
    ['a serious near miss', { kind: 'near-miss' }, /near miss/],
    [
      'a notice before the detection',
      { informed: { provider: { at: DETECTED - 1, by: 'Dana' } } },
      /before/,
    ],
    ['a notice to an unknown party', { informed: { press: { at: AT, by: 'Dana' } } }, /party/],
    ['a negative number of people', { peopleCount: -1 }, /people/],
  ])('refuses %s and changes nothing', (_, change, message) => {
    const doc = new Y.Doc();
    saveIncident(doc, 'inc-1', base, 'lead-1', AT);
    const before = Y.encodeStateVector(doc);
    expect(() =>
      saveIncident(doc, 'inc-1', { ...base, ...change } as IncidentFields, 'lead-1', AT),
    ).toThrow(message);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  it('keeps both notices when two leads record different parties at once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    saveIncident(a, 'inc-1', { ...base, informed: {} }, 'lead-1', AT);
    sync(a, b);
    const notice = (by: string) => ({ at: AT + HOUR, by });
    saveIncident(a, 'inc-1', { ...base, informed: { provider: notice('A') } }, 'lead-1', AT);
    saveIncident(
      b,
      'inc-1',
      { ...base, informed: { 'data-protection': notice('B') } },
      'lead-2',
      AT,
    );
    sync(a, b);
    expect(readIncidentRegister(a).incidents.get('inc-1')?.informed).toEqual({
      provider: notice('A'),
      'data-protection': notice('B'),
    });
  });

  it('removes an incident', () => {
    const doc = new Y.Doc();
    saveIncident(doc, 'inc-1', base, 'lead-1', AT);
    expect(deleteIncident(doc, 'inc-1')).toBe(true);
    expect(deleteIncident(doc, 'inc-1')).toBe(false);
    expect(readIncidentRegister(doc).incidents.size).toBe(0);
  });
});

describe('reading a damaged register', () => {
  it('skips what has the wrong shape and lists it', () => {
    const doc = new Y.Doc();
    saveIncident(doc, 'inc-1', base, 'lead-1', AT);
    const map = doc.getMap<unknown>(INCIDENTS);
    map.set('inc-2', 'not a map');
    const broken = new Y.Map<unknown>();
    map.set('inc-3', broken);
    broken.set('title', 42);
    (map.get('inc-1') as Y.Map<unknown>).set('informed.provider', 'yesterday');
    const { incidents, problems } = readIncidentRegister(doc);
    expect([...incidents.keys()]).toEqual(['inc-1']);
    expect(incidents.get('inc-1')?.informed).toEqual({});
    expect(problems.join('\n')).toMatch(/inc-2.*skipped/);
    expect(problems.join('\n')).toMatch(/inc-3: unreadable incident/);
    expect(problems.join('\n')).toMatch(/informed\.provider: expected a notice/);
  });

  it('treats an unreadable flag that starts a clock as set, so no deadline is hidden', () => {
    const doc = new Y.Doc();
    saveIncident(doc, 'inc-1', { ...base, personalDataBreach: false }, 'lead-1', AT);
    (doc.getMap<unknown>(INCIDENTS).get('inc-1') as Y.Map<unknown>).set(
      'personalDataBreach',
      'maybe',
    );
    const { incidents, problems } = readIncidentRegister(doc);
    expect(incidents.get('inc-1')?.personalDataBreach).toBe(true);
    expect(problems.join('\n')).toMatch(/personalDataBreach: unreadable; treated as true/);
  });

  it('treats an unreadable Art. 3(49) set as every point, so the strictest clock shows', () => {
    const doc = new Y.Doc();
    saveIncident(doc, 'inc-1', { ...base, serious: [] }, 'lead-1', AT);
    (doc.getMap<unknown>(INCIDENTS).get('inc-1') as Y.Map<unknown>).set('serious', 7);
    const { incidents, problems } = readIncidentRegister(doc);
    expect(incidents.get('inc-1')?.serious).toEqual(['a', 'b', 'c', 'd']);
    expect(problems.join('\n')).toMatch(/serious: unreadable; treated as every/);
  });
});
