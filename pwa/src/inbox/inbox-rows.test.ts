import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readDiscoveries } from '../../../shared/documents/discoveries/index.ts';
import { readPolicy, setStatus } from '../../../shared/documents/policy/index.ts';
import { day, discoveriesDoc } from '../test-support/workspace-docs.ts';
import { formatDay, howFound, inboxRows } from './inbox-rows.ts';

describe('the inbox rows', () => {
  it('turns the discoveries and the policy into rows in words, newest first', () => {
    const discoveries = discoveriesDoc({
      'openai-chatgpt': { reporters: 12, firstSeen: day(0), lastSeen: day(9) },
      'openai-api': {
        name: 'OpenAI API',
        category: 'model-hosting-api',
        reporters: 3,
        firstSeen: day(2),
        lastSeen: day(20),
        signals: ['api-call', 'flag'],
        embeddedIn: ['crm.example.com', 'helpdesk.example.com'],
        flagCount: 2,
        purposes: ['summarise tickets'],
        dataCategories: ['customer', 'personal'],
      },
      grammarly: {
        name: 'Grammarly',
        category: 'writing',
        signals: ['extension'],
        lastSeen: day(9),
        firstSeen: day(5),
      },
    });
    const policy = new Y.Doc();
    setStatus(policy, 'openai-api', {
      status: 'banned',
      guidance: 'Use the approved gateway.',
      updatedBy: 'dana',
      updatedAt: day(21),
    });

    const rows = inboxRows(readDiscoveries(discoveries).tools, readPolicy(policy).statuses);
    expect(rows.map((r) => r.toolKey)).toEqual(['openai-api', 'grammarly', 'openai-chatgpt']);
    expect(rows[0]).toMatchObject({
      name: 'OpenAI API',
      category: 'Model hosting and inference APIs',
      reporters: 3,
      howFound: ['AI inside another site (crm.example.com, helpdesk.example.com)', 'flag (2)'],
      purposes: ['summarise tickets'],
      dataKinds: ['customer data', 'personal data'],
      status: 'banned',
      policy: { guidance: 'Use the approved gateway.' },
    });
    expect(rows[1]).toMatchObject({ category: 'Writing', howFound: ['browser extension'] });
    expect(rows[2]).toMatchObject({ category: 'Chat assistant', status: 'unreviewed' });
    expect(formatDay(rows[2]!.firstSeen)).toBe('2026-01-01');
  });

  it('names at most five embedding sites', () => {
    const sites = [
      'a.example',
      'b.example',
      'c.example',
      'd.example',
      'e.example',
      'f.example',
      'g.example',
    ];
    expect(howFound({ signals: ['api-call'], embeddedIn: sites, flagCount: 0 })).toEqual([
      'AI inside another site (a.example, b.example, c.example, d.example, e.example and 2 more)',
    ]);
    expect(howFound({ signals: ['visit', 'flag'], embeddedIn: [], flagCount: 1 })).toEqual([
      'visit',
      'flag',
    ]);
  });

  it('skips what a damaged document gets wrong instead of breaking', () => {
    const doc = discoveriesDoc({ 'openai-chatgpt': {} });
    doc.getMap('tools').set('bogus', 'not a map');
    const read = readDiscoveries(doc);
    expect(inboxRows(read.tools, new Map()).map((r) => r.toolKey)).toEqual(['openai-chatgpt']);
    expect(read.problems.length).toBeGreaterThan(0);
    expect(formatDay(Number.NaN)).toBe('—');
  });
});
