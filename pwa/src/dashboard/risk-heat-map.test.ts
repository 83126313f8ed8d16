import { describe, expect, it } from 'vitest';
import type { Risk } from '../../../shared/documents/registry/index.ts';
import { riskHeatMap } from './risk-heat-map.ts';

const risk = (id: string, likelihood: number, impact: number, status: Risk['status']): Risk => ({
  id,
  systemIds: [],
  source: 'privacy',
  description: id,
  likelihood,
  impact,
  treatment: 'mitigate',
  controls: [],
  status,
  updatedBy: 'lead',
  updatedAt: 1,
});

describe('the risk heat map', () => {
  it('counts every risk not closed in its likelihood × impact cell', () => {
    const map = riskHeatMap([
      risk('a', 5, 4, 'open'),
      risk('b', 5, 4, 'treating'),
      risk('c', 5, 4, 'closed'),
      risk('d', 1, 1, 'accepted'),
      risk('e', 2, 3, 'open'),
    ]);
    expect(map.total).toBe(4);
    expect(map.rows.map((row) => row.map((cell) => cell.count))).toEqual([
      [0, 0, 0, 2, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 0, 0, 0],
      [0, 0, 1, 0, 0],
      [1, 0, 0, 0, 0],
    ]);
  });

  it('gives each cell its band, likelihood 5 first and impact 1 first', () => {
    const { rows } = riskHeatMap([]);
    expect(rows[0]![4]).toMatchObject({ likelihood: 5, impact: 5, band: 'critical', count: 0 });
    expect(rows[4]![0]).toMatchObject({ likelihood: 1, impact: 1, band: 'low' });
    expect(rows[2]!.map((cell) => cell.band)).toEqual(['low', 'medium', 'medium', 'high', 'high']);
  });
});
