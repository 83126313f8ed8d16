import { describe, expect, it } from 'vitest';
import {
  AIMS_NONCONFORMITIES,
  AIMS_OBJECTIVES,
  AIMS_ROLES,
  AIMS_SCOPE_ITEMS,
} from '../../../shared/documents/aims/index.ts';
import { formOf, parseDay, valuesOf, valuesToSave } from './entry-form.ts';

describe('the entry form', () => {
  it('round-trips an entry: dates as days, people one per line, sets as lists', () => {
    const values = {
      title: 'Impact assessment not reviewed',
      source: 'internal-audit',
      dueDate: Date.UTC(2027, 0, 15),
      status: 'open',
      riskIds: ['risk-1'],
    };
    const form = formOf(AIMS_NONCONFORMITIES, values);
    expect(form.dueDate).toBe('2027-01-15');
    expect(form.correction).toBe('');
    expect(valuesOf(AIMS_NONCONFORMITIES, form)).toEqual(values);
    const role = formOf(AIMS_ROLES, undefined);
    role.people = ' Ana \n\nDana (People Ops)\nAna';
    expect(valuesOf(AIMS_ROLES, role).people).toEqual(['Ana', 'Dana (People Ops)']);
  });

  it('keeps "out of scope" as said, and passes a blank required field on for the writer to name', () => {
    const form = formOf(AIMS_SCOPE_ITEMS, undefined);
    expect(valuesOf(AIMS_SCOPE_ITEMS, form)).toMatchObject({ included: false, name: '' });
  });

  it('refuses a date that is not a calendar day', () => {
    expect(parseDay('Due', '2027-02-28')).toBe(Date.UTC(2027, 1, 28));
    expect(() => parseDay('Due', '2027-02-30')).toThrow(/Due must be a date/);
    expect(() => parseDay('Due', 'soon')).toThrow(/Due must be a date/);
  });
});

describe('saving what this person changed', () => {
  const opened = {
    annexC: 'Fairness',
    title: 'Gap in shortlisting',
    measure: 'Ratio',
    target: '≥ 0.8',
    status: 'on-track',
    systemIds: ['r1'],
  };

  it('keeps a field someone else changed while the dialog was open, and merges set changes', () => {
    const form = formOf(AIMS_OBJECTIVES, opened);
    const mine = { ...form, target: '≥ 0.9', systemIds: ['r1', 'r3'] };
    // Meanwhile: Ben set the status and linked r2.
    const current = { ...opened, status: 'at-risk', systemIds: ['r1', 'r2'] };
    expect(valuesToSave(AIMS_OBJECTIVES, form, mine, current)).toEqual({
      ...opened,
      target: '≥ 0.9',
      status: 'at-risk',
      systemIds: ['r1', 'r2', 'r3'],
    });
    // Unlinking r1 removes it from the current set, and leaves Ben's r2.
    const unlinked = { ...form, systemIds: [] };
    expect(valuesToSave(AIMS_OBJECTIVES, form, unlinked, current).systemIds).toEqual(['r2']);
  });

  it('clears a field this person emptied, even if it changed meanwhile', () => {
    const form = formOf(AIMS_OBJECTIVES, { ...opened, owner: 'Dana' });
    const mine = { ...form, owner: '' };
    const current = { ...opened, owner: 'Sam' };
    expect(valuesToSave(AIMS_OBJECTIVES, form, mine, current)).not.toHaveProperty('owner');
  });
});

describe('saving a new entry', () => {
  it('saves the defaults the dialog showed', () => {
    const form = formOf(AIMS_NONCONFORMITIES, undefined);
    const mine = { ...form, title: 'No re-assessment' };
    expect(valuesToSave(AIMS_NONCONFORMITIES, form, mine, undefined)).toEqual({
      title: 'No re-assessment',
      source: 'internal-audit',
      status: 'open',
    });
  });
});
