import { describe, expect, it } from 'vitest';
import {
  AIMS_NONCONFORMITIES,
  AIMS_ROLES,
  AIMS_SCOPE_ITEMS,
} from '../../../shared/documents/aims/index.ts';
import { formOf, parseDay, valuesOf } from './entry-form.ts';

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
