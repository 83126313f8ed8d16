import { afterEach, describe, expect, it } from 'vitest';
import { inventoryHref, NONE, parseListQuery } from '../inventory/list/list-query.ts';
import { cleanup, render } from '../test-support/render.tsx';
import { CountChart } from './CountChart.tsx';

afterEach(cleanup);

describe('a dashboard chart opens the list it counts', () => {
  it('links each row to the inventory filtered to it, in the inventory’s own query', async () => {
    const view = await render(
      <CountChart
        id="by-tier"
        title="Records by tier"
        labelHeading="Tier"
        layout="horizontal-bars"
        empty="No records yet."
        rows={[
          { key: 'tier-1', label: 'Tier 1', count: 2 },
          { key: '', label: 'Not tiered', count: 1 },
        ]}
        href={(row) => inventoryHref({ tier: row.key || NONE })}
      />,
    );
    const links = [...view.querySelectorAll('table a')].map((a) => [
      a.textContent,
      a.getAttribute('href'),
    ]);
    expect(links).toEqual([
      ['Tier 1', '#/inventory?tier=tier-1'],
      ['Not tiered', '#/inventory?tier=none'],
    ]);
    const query = parseListQuery(new URLSearchParams('tier=tier-1'));
    expect(query.tier).toBe('tier-1');
  });
});
