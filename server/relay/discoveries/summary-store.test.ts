import { DatabaseSync } from 'node:sqlite';
import { describe, expect, it } from 'vitest';
import type { ReporterToolSummary } from '../../../shared/documents/report/index.ts';
import { SummaryStore } from './summary-store.ts';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 20, 15);
const TODAY = Date.UTC(2026, 10, 20);

const summary = (toolKey: string, lastSeen: number): ReporterToolSummary => ({
  toolKey,
  name: toolKey,
  category: 'chat-assistant',
  firstSeen: lastSeen - DAY,
  lastSeen,
  signals: ['visit'],
  hosts: [],
  embeddedIn: [],
  flagCount: 0,
  purposes: [],
  dataCategories: [],
});

describe('the reporter activity kept beside the summaries (D5)', () => {
  it('counts reporters by their latest sighting, over whole UTC days, per workspace', () => {
    const store = new SummaryStore(new DatabaseSync(':memory:'));
    store.replaceReporter('acme', 'r1', [summary('a', TODAY - 20 * DAY), summary('b', TODAY)]);
    store.replaceReporter('acme', 'r2', [summary('a', TODAY - 6 * DAY)]);
    store.replaceReporter('acme', 'r3', [summary('a', TODAY - 7 * DAY)]);
    store.replaceReporter('acme', 'r4', [summary('a', TODAY - 30 * DAY)]);
    store.replaceReporter('other', 'r9', [summary('a', TODAY)]);
    expect(store.activity('acme', NOW)).toEqual({
      reporters7d: 2,
      reporters30d: 3,
      computedAt: NOW,
    });
    // A reporter whose report empties out is no longer counted; one that moves on is.
    store.replaceReporter('acme', 'r1', []);
    store.replaceReporter('acme', 'r4', [summary('a', TODAY)]);
    expect(store.activity('acme', NOW)).toMatchObject({ reporters7d: 2, reporters30d: 3 });
  });

  it('fills the activity once from the summaries of a data folder made before it', () => {
    const db = new DatabaseSync(':memory:');
    new SummaryStore(db).replaceReporter('acme', 'r1', [summary('a', TODAY)]);
    db.exec('DROP TABLE reporter_activity');
    expect(new SummaryStore(db).activity('acme', NOW)).toMatchObject({
      reporters7d: 1,
      reporters30d: 1,
    });
  });
});
