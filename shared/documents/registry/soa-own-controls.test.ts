import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readSoa } from './soa.ts';
import {
  SOA_OWN_CONTROLS,
  readOwnControls,
  removeOwnControl,
  saveOwnControl,
  type OwnControlFields,
} from './soa-own-controls.ts';

/** SOA1–SOA3 (docs/assessments.md): the organisation's own controls in the SoA. */

const AT = Date.UTC(2026, 10, 5, 9);
const LOGGING: OwnControlFields = {
  ref: 'ORG-2',
  title: 'Logging standard applied to AI gateways',
  source: 'ISO/IEC 27001:2022 ISMS',
  iso27001: 'A.8.15',
  applicable: true,
  justification: 'Prompts to external AI services must be traceable (risk R-7).',
  implementation: 'implemented',
  owner: 'Head of IT',
  evidence: ['https://intranet.example/logging-standard'],
};

const exchange = (a: Y.Doc, b: Y.Doc) => {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
};

describe("the organisation's own controls", () => {
  it('SOA1: stores a control from another source, beside Annex A, and lists them by ref', () => {
    const doc = new Y.Doc();
    saveOwnControl(doc, 'c2', LOGGING, 'lead', AT);
    saveOwnControl(
      doc,
      'c10',
      { ...LOGGING, ref: 'ORG-10', iso27001: undefined, title: 'Model card for every system' },
      'lead',
      AT,
    );
    const { controls, problems } = readOwnControls(doc);
    expect(problems).toEqual([]);
    expect(controls.map((c) => c.ref)).toEqual(['ORG-2', 'ORG-10']);
    expect(controls[0]).toMatchObject({ ...LOGGING, id: 'c2', updatedBy: 'lead' });
    // The Annex A statement is untouched and reads no problem.
    expect(readSoa(doc)).toEqual({ entries: new Map(), problems: [] });
    expect(removeOwnControl(doc, 'c10')).toBe(true);
    expect(readOwnControls(doc).controls.map((c) => c.id)).toEqual(['c2']);
  });

  it('SOA2: a justification is required for inclusion as well as exclusion; bad input changes nothing', () => {
    const doc = new Y.Doc();
    saveOwnControl(doc, 'c2', LOGGING, 'lead', AT);
    const before = Y.encodeStateAsUpdate(doc);
    const save = (over: Partial<OwnControlFields>) =>
      saveOwnControl(doc, 'c2', { ...LOGGING, ...over }, 'lead', AT + 1);
    expect(() => save({ justification: ' ' })).toThrow(/justification for its inclusion/);
    expect(() => save({ applicable: false, justification: '' })).toThrow(/for its exclusion/);
    expect(() => save({ ref: 'A.6.2.6' })).toThrow(/not an Annex A id/);
    expect(() => save({ iso27001: 'A.12.4.1' })).toThrow(/iso27001/);
    expect(() => save({ evidence: ['javascript:alert(1)'] })).toThrow(/evidence/);
    expect(() => save({ title: '' })).toThrow(/title/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('SOA1: two leads adding controls offline both keep theirs', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    saveOwnControl(a, 'ca', LOGGING, 'lead-a', AT);
    saveOwnControl(b, 'cb', { ...LOGGING, ref: 'ORG-3' }, 'lead-b', AT);
    exchange(a, b);
    expect(readOwnControls(a).controls.map((c) => c.ref)).toEqual(['ORG-2', 'ORG-3']);
    expect(readOwnControls(b)).toEqual(readOwnControls(a));
  });

  it('SOA3: readers never trust the shape', () => {
    const doc = new Y.Doc();
    saveOwnControl(doc, 'c2', LOGGING, 'lead', AT);
    const map = doc.getMap<unknown>(SOA_OWN_CONTROLS);
    map.set('bad', 'not a map');
    const entry = new Y.Map<unknown>();
    map.set('c3', entry);
    entry.set('ref', 'ORG-3');
    entry.set('title', 'No justification');
    entry.set('applicable', true);
    entry.set('implementation', 'partial');
    (map.get('c2') as Y.Map<unknown>).set('iso27001', 'A.99.9');
    const { controls, problems } = readOwnControls(doc);
    expect(controls.map((c) => c.id)).toEqual(['c2']);
    expect(controls[0]!.iso27001).toBeUndefined();
    expect(problems.length).toBeGreaterThanOrEqual(3);
  });
});
