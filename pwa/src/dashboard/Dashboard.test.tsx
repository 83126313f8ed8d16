import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { writeActivity, writeDiscovery } from '../../../shared/documents/discoveries/index.ts';
import { setStatus } from '../../../shared/documents/policy/index.ts';
import {
  createRecord,
  decideTier,
  importNetworkLog,
  setTriage,
} from '../../../shared/documents/registry/index.ts';
import { cleanup, render } from '../test-support/render.tsx';
import { aggregate } from '../test-support/workspace-docs.ts';
import { Dashboard } from './Dashboard.tsx';

afterEach(cleanup);

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 2, 11, 12);
const HOSTILE = '<img src=x onerror="globalThis.pwned=1">';

function documents() {
  const registry = new Y.Doc();
  const policy = new Y.Doc();
  const discoveries = new Y.Doc();
  createRecord(
    registry,
    'rec-1',
    { name: 'ChatGPT', category: 'chat-assistant', toolKeys: ['openai-chatgpt'] },
    'lead',
    NOW,
  );
  createRecord(
    registry,
    'rec-2',
    { name: 'Copilot', category: 'coding-assistant', toolKeys: ['github-copilot'] },
    'lead',
    NOW,
  );
  createRecord(registry, 'rec-3', { name: 'In-house bot' }, 'lead', NOW);
  decideTier(registry, 'rec-1', { suggested: 'tier-2', decided: 'tier-2', by: 'lead', at: NOW });
  decideTier(registry, 'rec-2', { suggested: 'tier-3', decided: 'tier-3', by: 'lead', at: NOW });
  setStatus(policy, 'openai-chatgpt', {
    status: 'approved',
    guidance: '',
    updatedBy: 'lead',
    updatedAt: NOW,
  });
  setStatus(policy, 'github-copilot', {
    status: 'banned',
    guidance: '',
    updatedBy: 'lead',
    updatedAt: NOW,
  });
  writeDiscovery(
    discoveries,
    'openai-chatgpt',
    aggregate({ firstSeen: NOW - 40 * DAY, lastSeen: NOW }),
  );
  writeDiscovery(
    discoveries,
    'host:evil.example',
    aggregate({
      name: HOSTILE,
      category: 'other',
      reporters: 3,
      firstSeen: NOW - 20 * DAY,
      lastSeen: NOW,
    }),
  );
  writeDiscovery(
    discoveries,
    'anthropic-claude',
    aggregate({ name: 'Claude', firstSeen: NOW - 2 * DAY, lastSeen: NOW }),
  );
  setTriage(registry, 'openai-chatgpt', {
    state: 'merged',
    recordId: 'rec-1',
    by: 'lead',
    at: NOW,
  });
  importNetworkLog(
    registry,
    [
      {
        toolKey: 'perplexity',
        name: 'Perplexity',
        category: 'search-research',
        hosts: ['perplexity.ai'],
        lines: 9,
        firstSeen: NOW - 30 * DAY,
        lastSeen: NOW - 29 * DAY,
      },
    ],
    { importedBy: 'lead', importedAt: NOW },
  );
  return { registry, policy, discoveries };
}

/** The numbers of a chart as its screen-reader table gives them. */
function table(container: HTMLElement, title: string) {
  const caption = [...container.querySelectorAll('table.visually-hidden caption')].find(
    (c) => c.textContent === title,
  );
  if (!caption) throw new Error(`no table ${title}`);
  return [...caption.closest('table')!.querySelectorAll('tbody tr')].map((row) => [
    row.querySelector('th')!.textContent,
    Number(row.querySelector('td')!.textContent),
  ]);
}

describe('the dashboard', () => {
  it('shows records by tier, status and category, each titled and as a table', async () => {
    const { registry, policy, discoveries } = documents();
    const view = await render(
      <Dashboard registry={registry} policy={policy} discoveries={discoveries} now={() => NOW} />,
    );
    expect(table(view, 'Records by tier')).toEqual([
      ['Tier 1', 0],
      ['Tier 2', 1],
      ['Tier 3', 1],
      ['Not tiered', 1],
    ]);
    expect(table(view, 'Records by their strictest tool’s policy status')).toEqual([
      ['Approved', 1],
      ['Restricted', 0],
      ['Banned', 1],
      ['Not reviewed', 1],
    ]);
    expect(table(view, 'Records by category')).toEqual([
      ['Chat assistant', 1],
      ['Coding assistant', 1],
      ['No category', 1],
    ]);
    for (const title of [
      'Records by tier',
      'Records by their strictest tool’s policy status',
      'Records by category',
      'Discoveries by the week first seen',
    ]) {
      const heading = [...view.querySelectorAll('figure h2')].find((h) => h.textContent === title);
      expect(heading?.closest('figure')?.getAttribute('aria-labelledby')).toBe(heading?.id);
    }
  });

  it('counts discoveries (relay and imported logs) by week, and lists the oldest untriaged', async () => {
    const { registry, policy, discoveries } = documents();
    const view = await render(
      <Dashboard registry={registry} policy={policy} discoveries={discoveries} now={() => NOW} />,
    );
    const weeks = table(view, 'Discoveries by the week first seen');
    expect(weeks).toHaveLength(12);
    expect(weeks.reduce((sum, [, n]) => sum + (n as number), 0)).toBe(4);
    expect(weeks.at(-1)).toEqual(['Week of 2026-03-09', 1]);
    const items = [...view.querySelectorAll('.oldest-untriaged li')];
    expect(items.map((li) => li.querySelector('a')!.textContent)).toEqual([
      'Perplexity',
      HOSTILE,
      'Claude',
    ]);
    expect(items.map((li) => li.querySelector('a')!.getAttribute('href'))).toEqual([
      '#/inbox/perplexity',
      '#/inbox/host%3Aevil.example',
      '#/inbox/anthropic-claude',
    ]);
    expect(items[0]!.textContent).toContain('network log');
    expect(view.querySelector('img')).toBeNull();
    const totals = Object.fromEntries(
      [...view.querySelectorAll('.dashboard-totals > div')].map((d) => [
        d.querySelector('dt')!.textContent,
        d.querySelector('dd')!.textContent,
      ]),
    );
    expect(totals).toMatchObject({ Records: '3', Discoveries: '4', 'Waiting for triage': '3' });
  });

  it('shows the relay’s count of active extensions once it is there, and follows changes', async () => {
    const { registry, policy, discoveries } = documents();
    const view = await render(
      <Dashboard registry={registry} policy={policy} discoveries={discoveries} now={() => NOW} />,
    );
    const active = () => [...view.querySelectorAll('.dashboard-totals > div')].at(-1)!.textContent;
    expect(active()).toContain('Not counted yet');
    await act(async () =>
      writeActivity(discoveries, { reporters7d: 31, reporters30d: 40, computedAt: NOW }),
    );
    expect(active()).toBe(
      'Extensions active in the last 7 days31 (40 in 30 days; counted 2026-03-11)',
    );
  });

  it('says a tool reported last week but first seen long ago was first seen then, not that nothing was discovered', async () => {
    // An extension offline for months reports Claude, first seen 20 weeks ago, yesterday: the
    // chart counts sightings by week, so it is before the chart, and the words say so.
    const discoveries = new Y.Doc();
    writeDiscovery(
      discoveries,
      'anthropic-claude',
      aggregate({ name: 'Claude', firstSeen: NOW - 140 * DAY, lastSeen: NOW - 139 * DAY }),
      { reportedAt: NOW - DAY },
    );
    const view = await render(
      <Dashboard
        registry={new Y.Doc()}
        policy={new Y.Doc()}
        discoveries={discoveries}
        now={() => NOW}
      />,
    );
    expect(view.textContent).not.toContain('Nothing discovered');
    expect(view.textContent).toContain('Nothing first seen in the last 12 weeks.');
    expect(view.textContent).toContain('1 more discovery was first seen before these 12 weeks.');
  });
});
