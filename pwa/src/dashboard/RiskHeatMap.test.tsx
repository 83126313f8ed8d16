import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { saveRisk, type RiskFields } from '../../../shared/documents/registry/index.ts';
import { cleanup, render } from '../test-support/render.tsx';
import { RiskHeatMap } from './RiskHeatMap.tsx';

afterEach(cleanup);

const AT = Date.UTC(2026, 2, 10);
const fields = (likelihood: number, impact: number, status: RiskFields['status']): RiskFields => ({
  systemIds: [],
  source: 'security',
  description: 'Leaks keys',
  likelihood,
  impact,
  treatment: 'mitigate',
  controls: [],
  status,
});

describe('the dashboard heat map', () => {
  it('is a table of counts with headers, each filled cell linking to its risks', async () => {
    const registry = new Y.Doc();
    saveRisk(registry, 'a', fields(5, 4, 'open'), 'lead', AT);
    saveRisk(registry, 'b', fields(5, 4, 'treating'), 'lead', AT);
    saveRisk(registry, 'c', fields(5, 4, 'closed'), 'lead', AT);
    const view = await render(<RiskHeatMap registry={registry} />);
    const table = view.querySelector('table')!;
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual([
      'Impact 1negligible',
      'Impact 2minor',
      'Impact 3moderate',
      'Impact 4major',
      'Impact 5severe',
    ]);
    const rows = [...table.querySelectorAll('tbody tr')];
    expect(rows[0]!.querySelector('th')?.textContent).toBe('Likelihood 5almost certain');
    expect([...rows[0]!.querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      '0',
      '0',
      '0',
      '2',
      '0',
    ]);
    const links = table.querySelectorAll('tbody a');
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe('#/risks?status=active&likelihood=5&impact=4');
    expect(links[0]!.getAttribute('aria-label')).toBe('2 risks, likelihood 5, impact 4, critical');
    expect(view.querySelector('caption')?.textContent).toContain('2 risks not closed');

    // It follows the document.
    await act(async () => void saveRisk(registry, 'd', fields(1, 1, 'open'), 'lead', AT));
    expect(rows[4]!.querySelectorAll('td')[0]!.textContent).toBe('1');
  });
});
