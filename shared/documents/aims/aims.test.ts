import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  AIMS_NONCONFORMITIES,
  AIMS_OBJECTIVES,
  AIMS_PARTIES,
  AIMS_REGISTERS,
  AIMS_ROLES,
  AIMS_SCOPE,
  AIMS_SCOPE_ITEMS,
  aimsCounts,
  deleteAimsEntry,
  isActionOverdue,
  readAimsRegister,
  saveAimsEntry,
  type EntryValues,
} from './index.ts';
import { ANNEX_C_OBJECTIVES } from '../../iso42001/index.ts';

const AT = Date.UTC(2026, 11, 1);
const DAY = 86_400_000;

// Example content from public sources: the EU AI Act (Regulation (EU) 2024/1689) Art. 4 (AI
// literacy) and Art. 26 (deployers' duties), and ISO/IEC 42001:2023 Annex C.2's objectives
// (/work/shared/reference/iso-42001.md, eu-ai-act.md).
const regulator: EntryValues = {
  name: 'Market surveillance authority',
  kind: 'external',
  requirements: 'Deployers of high-risk systems keep the logs and assign human oversight',
  source: 'Regulation (EU) 2024/1689, Art. 26',
};
const fairness: EntryValues = {
  annexC: 'Fairness',
  title: 'No unexplained gap in shortlisting rates',
  measure: 'Selection-rate ratio between groups, quarterly',
  target: '≥ 0.8',
  owner: 'Dana',
  dueDate: Date.UTC(2027, 2, 31),
  status: 'on-track',
  systemIds: ['rec-1'],
};

function sync(a: Y.Doc, b: Y.Doc) {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
}

const entries = (doc: Y.Doc, register = AIMS_OBJECTIVES) => readAimsRegister(doc, register).entries;

describe('AIMS registers', () => {
  it('saves and reads an entry, stamped with who and when, and writes nothing unchanged', () => {
    const doc = new Y.Doc();
    expect(saveAimsEntry(doc, AIMS_OBJECTIVES, 'obj-1', fairness, 'Ana', AT)).toBe(true);
    expect(saveAimsEntry(doc, AIMS_OBJECTIVES, 'obj-1', fairness, 'Ben', AT + 1)).toBe(false);
    expect(entries(doc)).toEqual([
      { id: 'obj-1', values: fairness, updatedBy: 'Ana', updatedAt: AT },
    ]);
    // A field left out is cleared, not kept.
    const { owner: _owner, ...withoutOwner } = fairness;
    saveAimsEntry(doc, AIMS_OBJECTIVES, 'obj-1', withoutOwner, 'Ben', AT + 2);
    expect(entries(doc)[0]?.values).not.toHaveProperty('owner');
  });

  it('takes its objectives from Annex C and refuses others, changing nothing', () => {
    const field = AIMS_OBJECTIVES.fields.find((f) => f.key === 'annexC');
    expect(field?.kind === 'enum' && field.values).toEqual(ANNEX_C_OBJECTIVES);
    const doc = new Y.Doc();
    expect(() =>
      saveAimsEntry(doc, AIMS_OBJECTIVES, 'obj-1', { ...fairness, annexC: 'Profit' }, 'Ana', AT),
    ).toThrow(/Annex C objective/);
    expect(() =>
      saveAimsEntry(doc, AIMS_OBJECTIVES, 'obj-1', { ...fairness, target: ' ' }, 'Ana', AT),
    ).toThrow(/Target is required/);
    expect(() =>
      saveAimsEntry(doc, AIMS_OBJECTIVES, 'obj-1', { ...fairness, systemIds: ['a b'] }, 'Ana', AT),
    ).toThrow(/Systems/);
    expect(() =>
      saveAimsEntry(doc, AIMS_OBJECTIVES, 'obj-1', { ...fairness, colour: 'red' }, 'Ana', AT),
    ).toThrow(/not a field/);
    expect(() => saveAimsEntry(doc, AIMS_OBJECTIVES, 'a/b', fairness, 'Ana', AT)).toThrow(/id/);
    expect(doc.getMap(AIMS_OBJECTIVES.id).size).toBe(0);
  });

  it('keeps the scope statement as one entry', () => {
    const doc = new Y.Doc();
    const scope = { statement: 'AI systems used by HR and Customer Service in the EU' };
    expect(() => saveAimsEntry(doc, AIMS_SCOPE, 'other', scope, 'Ana', AT)).toThrow(/one entry/);
    saveAimsEntry(doc, AIMS_SCOPE, 'aims', scope, 'Ana', AT);
    expect(entries(doc, AIMS_SCOPE).map((e) => e.values)).toEqual([scope]);
  });

  it('merges two leads editing offline: different entries, different fields, people added at once', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const committee = {
      title: 'AI governance committee',
      kind: 'committee',
      responsibilities: 'Approves the AI policy and reviews the AIMS',
      people: ['Ana'],
    };
    saveAimsEntry(a, AIMS_ROLES, 'role-1', committee, 'Ana', AT);
    saveAimsEntry(a, AIMS_OBJECTIVES, 'obj-1', fairness, 'Ana', AT);
    sync(a, b);

    // Offline: Ana changes the target and adds Carl; Ben changes the status, adds Dana and a party.
    saveAimsEntry(a, AIMS_OBJECTIVES, 'obj-1', { ...fairness, target: '≥ 0.9' }, 'Ana', AT + 1);
    saveAimsEntry(
      a,
      AIMS_ROLES,
      'role-1',
      { ...committee, people: ['Ana', 'Carl'] },
      'Ana',
      AT + 1,
    );
    saveAimsEntry(b, AIMS_OBJECTIVES, 'obj-1', { ...fairness, status: 'at-risk' }, 'Ben', AT + 2);
    saveAimsEntry(
      b,
      AIMS_ROLES,
      'role-1',
      { ...committee, people: ['Ana', 'Dana'] },
      'Ben',
      AT + 2,
    );
    saveAimsEntry(b, AIMS_PARTIES, 'party-1', regulator, 'Ben', AT + 2);
    sync(a, b);

    for (const doc of [a, b]) {
      expect(entries(doc)[0]?.values).toMatchObject({ target: '≥ 0.9', status: 'at-risk' });
      expect(entries(doc, AIMS_ROLES)[0]?.values.people).toEqual(['Ana', 'Carl', 'Dana']);
      expect(entries(doc, AIMS_PARTIES).map((e) => e.id)).toEqual(['party-1']);
    }
    expect(readAimsRegister(a, AIMS_ROLES)).toEqual(readAimsRegister(b, AIMS_ROLES));
  });

  it('reads without trust: a damaged entry is skipped and said, the rest stay', () => {
    const doc = new Y.Doc();
    saveAimsEntry(doc, AIMS_OBJECTIVES, 'obj-1', fairness, 'Ana', AT);
    const map = doc.getMap<unknown>(AIMS_OBJECTIVES.id);
    map.set('obj-2', 'not a map');
    const broken = new Y.Map<unknown>();
    map.set('obj-3', broken);
    broken.set('title', 42);
    (map.get('obj-1') as Y.Map<unknown>).set('dueDate', 'soon');
    const read = readAimsRegister(doc, AIMS_OBJECTIVES);
    expect(read.entries.map((e) => e.id)).toEqual(['obj-1']);
    expect(read.entries[0]?.values).not.toHaveProperty('dueDate');
    expect(read.problems.join('\n')).toMatch(/obj-2.*expected a map/);
    expect(read.problems.join('\n')).toMatch(/obj-3: unreadable entry/);
    // A top-level name holding another type is read as empty and refused for writing.
    const other = new Y.Doc();
    other.getArray(AIMS_PARTIES.id).push([1]);
    expect(readAimsRegister(other, AIMS_PARTIES).entries).toEqual([]);
    expect(() => saveAimsEntry(other, AIMS_PARTIES, 'p', regulator, 'Ana', AT)).toThrow(
      /another type/,
    );
  });

  it('removes an entry', () => {
    const doc = new Y.Doc();
    saveAimsEntry(doc, AIMS_PARTIES, 'party-1', regulator, 'Ana', AT);
    expect(deleteAimsEntry(doc, AIMS_PARTIES, 'party-1')).toBe(true);
    expect(deleteAimsEntry(doc, AIMS_PARTIES, 'party-1')).toBe(false);
    expect(entries(doc, AIMS_PARTIES)).toEqual([]);
  });

  it('records scope items in or out, each with its reason', () => {
    const doc = new Y.Doc();
    const out = { kind: 'record', name: 'Spell checker', recordIds: ['rec-9'], included: false };
    expect(() => saveAimsEntry(doc, AIMS_SCOPE_ITEMS, 's-1', out, 'Ana', AT)).toThrow(/Reason/);
    saveAimsEntry(doc, AIMS_SCOPE_ITEMS, 's-1', { ...out, reason: 'No AI' }, 'Ana', AT);
    expect(entries(doc, AIMS_SCOPE_ITEMS)[0]?.values).toMatchObject({ included: false });
  });

  it('gives every register a unique id and fields with unique keys', () => {
    expect(new Set(AIMS_REGISTERS.map((r) => r.id)).size).toBe(AIMS_REGISTERS.length);
    for (const register of AIMS_REGISTERS) {
      const keys = register.fields.map((f) => f.key);
      expect(new Set(keys).size, register.id).toBe(keys.length);
      expect(keys, register.id).toContain(register.labelField);
    }
  });
});

describe('nonconformities and corrective actions (10.2)', () => {
  const nc: EntryValues = {
    title: 'Impact assessment of HireRank not reviewed after retraining',
    source: 'internal-audit',
    action: 'Add re-assessment on model change to the procedure',
    owner: 'Dana',
    dueDate: AT,
    status: 'action-planned',
    riskIds: ['risk-1'],
  };

  it('M1: is verified or closed only after its effectiveness check', () => {
    const doc = new Y.Doc();
    expect(() =>
      saveAimsEntry(doc, AIMS_NONCONFORMITIES, 'nc-1', { ...nc, status: 'verified' }, 'A', AT),
    ).toThrow(/effectiveness/);
    const checked = { ...nc, status: 'verified', effectiveness: 'Two later changes re-assessed' };
    expect(saveAimsEntry(doc, AIMS_NONCONFORMITIES, 'nc-1', checked, 'A', AT)).toBe(true);
  });

  it('M2, M3: closes only with a closing date and an effective action; only closed ones have a date', () => {
    const doc = new Y.Doc();
    const checked = { ...nc, effectiveness: 'Two later changes re-assessed' };
    const save = (values: EntryValues) =>
      saveAimsEntry(doc, AIMS_NONCONFORMITIES, 'nc-1', values, 'A', AT);
    expect(() => save({ ...checked, status: 'closed', closedAt: AT })).toThrow(/effective/);
    expect(() => save({ ...checked, status: 'closed', effective: true })).toThrow(/closing date/);
    expect(() => save({ ...checked, closedAt: AT })).toThrow(/only a closed/);
    expect(entries(doc, AIMS_NONCONFORMITIES)).toEqual([]);
    expect(save({ ...checked, status: 'closed', effective: true, closedAt: AT })).toBe(true);
  });

  it('counts an action overdue once its due day has ended and it is still to be done', () => {
    expect(isActionOverdue(nc, AT + DAY - 1)).toBe(false);
    expect(isActionOverdue(nc, AT + DAY)).toBe(true);
    expect(isActionOverdue({ ...nc, status: 'action-done' }, AT + 9 * DAY)).toBe(false);
    const { dueDate: _d, ...undated } = nc;
    expect(isActionOverdue(undated, AT + 9 * DAY)).toBe(false);

    const doc = new Y.Doc();
    saveAimsEntry(doc, AIMS_NONCONFORMITIES, 'nc-1', nc, 'A', AT);
    saveAimsEntry(doc, AIMS_NONCONFORMITIES, 'nc-2', { ...nc, dueDate: AT + 30 * DAY }, 'A', AT);
    expect(aimsCounts(entries(doc, AIMS_NONCONFORMITIES), AT + 2 * DAY)).toEqual({
      openNonconformities: 2,
      overdueActions: 1,
    });
  });
});
