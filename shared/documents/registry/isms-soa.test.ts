import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ISMS_27001, readIsmsSoa, saveIsmsSoa, setIsmsClausesInPlace } from './isms-soa.ts';

/** X27-3 (docs/management-system.md): the imported SoA in the registry. */

const AT = Date.UTC(2026, 10, 4, 9);
const ROWS = [
  { id: 'A.5.1', applicable: true, implementation: 'implemented' as const, evidence: 'ISP-001' },
  { id: 'A.7.11', applicable: false, implementation: 'unknown' as const },
];

describe('the imported ISMS SoA', () => {
  it('stores a snapshot that replaces the previous one, and the clauses answer', () => {
    const doc = new Y.Doc();
    saveIsmsSoa(doc, [ROWS[0]!], 'old.csv', 'lead-a', AT);
    saveIsmsSoa(doc, ROWS, 'soa-2026.csv', 'lead-b', AT + 1);
    setIsmsClausesInPlace(doc, true, 'lead-b', AT + 2);
    expect(readIsmsSoa(doc)).toEqual({
      soa: { at: AT + 1, by: 'lead-b', file: 'soa-2026.csv', rows: ROWS },
      clausesInPlace: { inPlace: true, at: AT + 2, by: 'lead-b' },
      problems: [],
    });
  });

  it('refuses bad input with a clear error and changes nothing', () => {
    const doc = new Y.Doc();
    saveIsmsSoa(doc, ROWS, 'soa.csv', 'lead', AT);
    const before = Y.encodeStateAsUpdate(doc);
    const save = (rows: unknown[], file = 'x.csv') =>
      saveIsmsSoa(doc, rows as typeof ROWS, file, 'lead', AT + 5);
    expect(() => save([])).toThrow(/1–200 rows/);
    expect(() => save([{ id: 'A.9.2.3', implementation: 'implemented' }])).toThrow(
      /row 1: not an ISO/,
    );
    expect(() => save([{ id: 'A.5.1', implementation: 'sort of' }])).toThrow(
      /implementation state/,
    );
    expect(() => save([ROWS[0], ROWS[0]])).toThrow(/listed twice/);
    expect(() => save(ROWS, '')).toThrow(/file/);
    expect(() => setIsmsClausesInPlace(doc, 'yes' as unknown as boolean, 'lead', AT)).toThrow();
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('reads without trust: unreadable rows are skipped, an unreadable snapshot left out', () => {
    const doc = new Y.Doc();
    const map = doc.getMap<unknown>(ISMS_27001);
    map.set(
      'soa',
      JSON.stringify({
        at: AT,
        by: 'lead',
        file: 'f.csv',
        rows: [ROWS[0], { id: 'A.99.1', implementation: 'implemented' }, ROWS[0], 'x'],
      }),
    );
    map.set('clauses', '{');
    const read = readIsmsSoa(doc);
    expect(read.soa!.rows).toEqual([ROWS[0]]);
    expect(read.clausesInPlace).toBeUndefined();
    expect(read.problems).toHaveLength(4);
    map.set('soa', 42);
    expect(readIsmsSoa(doc).soa).toBeUndefined();
  });
});
