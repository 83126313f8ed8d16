import { describe, expect, it } from 'vitest';
import { recordsWithoutScope } from './scope-coverage.ts';

describe('records without a scope decision', () => {
  it('lists, by name, the records no scope item names', () => {
    const records = [
      { id: 'r1', name: 'HireRank' },
      { id: 'r2', name: 'Chat helper' },
      { id: 'r3', name: 'Ada' },
    ];
    const items = [
      { id: 's1', values: { recordIds: ['r1'], included: true }, updatedBy: 'A', updatedAt: 1 },
      { id: 's2', values: { name: 'Lab' }, updatedBy: 'A', updatedAt: 1 },
    ];
    expect(recordsWithoutScope(records, items).map((r) => r.name)).toEqual(['Ada', 'Chat helper']);
  });
});
