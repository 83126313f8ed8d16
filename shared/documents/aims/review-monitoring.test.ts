import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Breach } from '../monitoring/evaluate.ts';
import { acknowledgeAlert, raiseBreaches } from '../registry/monitoring-alerts.ts';
import { createRecord } from '../registry/records.ts';
import { addTopManagement } from './fixture.test-support.ts';
import {
  AIMS_REVIEWS,
  approveManagementReview,
  gatherReviewInputs,
  readManagementReviews,
  reviewMonitoringWords,
  saveAimsEntry,
} from './index.ts';

const DAY = 86_400_000;
const AT = Date.UTC(2026, 11, 1);

// Breaches as docs/monitoring.md's demo describes them: a screening model's true-positive-rate
// gap between women and men past Fairlearn's equal_opportunity_difference criterion of 0.05,
// and an assistant's input-drift statistic (PSI) past 0.25.
const fairness = (startAt: number): Breach => ({
  id: `mon-gap-${startAt}`,
  recordId: 'hire',
  metric: 'true-positive rate',
  subgroup: '',
  kind: 'fairness',
  startAt,
  lastAt: startAt,
  worst: 0.08,
  threshold: 0.05,
  direction: 'at-most',
  onBreach: 'risk',
  high: 'men',
  low: 'women',
  count: 1,
});
const drift = (startAt: number): Breach => ({
  id: `mon-psi-${startAt}`,
  recordId: 'chat',
  metric: 'psi',
  subgroup: '',
  kind: 'threshold',
  startAt,
  lastAt: startAt,
  worst: 0.31,
  threshold: 0.25,
  direction: 'at-most',
  onBreach: 'alert',
  count: 1,
});

function workspace() {
  const doc = new Y.Doc();
  addTopManagement(doc, ['Carl'], AT - 60 * DAY);
  createRecord(doc, 'hire', { name: 'HireVue screening' }, 'Ana', AT - 60 * DAY);
  createRecord(doc, 'chat', { name: 'Internal assistant' }, 'Ana', AT - 60 * DAY);
  return doc;
}

describe('monitoring results as a management-review input (9.3.2 c)', () => {
  it('counts the breaches raised since the last review by system and metric, open and seen, with fairness gaps', () => {
    const doc = workspace();
    // Before the previous review: not this period's.
    raiseBreaches(doc, [drift(AT - 40 * DAY)], 'Sightline monitoring', AT - 40 * DAY);
    saveAimsEntry(
      doc,
      AIMS_REVIEWS,
      'rev-1',
      { title: 'Q3', heldAt: AT - 30 * DAY, decisions: 'Keep going' },
      'Ana',
      AT - 30 * DAY,
    );
    approveManagementReview(doc, 'rev-1', 'Carl', AT - 30 * DAY);
    raiseBreaches(doc, [drift(AT - 20 * DAY), drift(AT - 10 * DAY)], 'relay', AT - 10 * DAY);
    raiseBreaches(doc, [fairness(AT - 5 * DAY)], 'relay', AT - 5 * DAY);
    expect(acknowledgeAlert(doc, `mon-psi-${AT - 20 * DAY}`, 'Ana', AT - 4 * DAY)).toBe(true);

    saveAimsEntry(doc, AIMS_REVIEWS, 'rev-2', { title: 'Q4' }, 'Ana', AT);
    const { monitoring } = gatherReviewInputs(doc, AT, 'rev-2');
    expect(monitoring).toMatchObject({ available: true, raised: 3, open: 2 });
    expect(monitoring.bySystem).toEqual([
      { system: 'HireVue screening', metric: 'true-positive rate', raised: 1, open: 1 },
      { system: 'Internal assistant', metric: 'psi', raised: 2, open: 1 },
    ]);
    expect(monitoring.fairness).toEqual([
      {
        system: 'HireVue screening',
        metric: 'true-positive rate',
        between: 'men and women',
        worst: 0.08,
        allowed: 0.05,
      },
    ]);
    expect(reviewMonitoringWords(monitoring)).toMatch(
      /Internal assistant — psi: 2 raised \(1 open, 1 seen\).*gap of 0\.08 between men and women, allowed 0\.05/,
    );
  });

  it('freezes with the other inputs at approval: a later breach or acknowledgement changes nothing', () => {
    const doc = workspace();
    raiseBreaches(doc, [fairness(AT - 5 * DAY)], 'relay', AT - 5 * DAY);
    saveAimsEntry(
      doc,
      AIMS_REVIEWS,
      'rev-1',
      { title: 'Q4', heldAt: AT, decisions: 'Retrain the screener' },
      'Ana',
      AT,
    );
    approveManagementReview(doc, 'rev-1', 'Carl', AT + 1);
    raiseBreaches(doc, [drift(AT + 2)], 'relay', AT + 2);
    acknowledgeAlert(doc, `mon-gap-${AT - 5 * DAY}`, 'Ana', AT + 3);
    const [read] = readManagementReviews(doc).reviews;
    expect(read?.state).toBe('approved');
    expect(read?.inputs?.monitoring).toMatchObject({ raised: 1, open: 1 });
    // The next review counts from this one: the drift breach raised after it, still open.
    expect(gatherReviewInputs(doc, AT + 4).monitoring.bySystem).toEqual([
      { system: 'Internal assistant', metric: 'psi', raised: 1, open: 1 },
    ]);
  });

  it('reads frozen inputs without trusting them: an older review holds only a note', () => {
    expect(reviewMonitoringWords({ available: false, note: 'Not recorded yet.' })).toBe(
      'Not recorded yet.',
    );
    expect(reviewMonitoringWords(null)).toBe('not recorded');
    expect(
      reviewMonitoringWords({ available: true, note: 'x', bySystem: [7, { system: 1 }] }),
    ).toBe('x ? — ?: ? raised (? open, ? seen)');
    expect(gatherReviewInputs(workspace(), AT).monitoring).toMatchObject({
      raised: 0,
      note: 'No monitoring breach was raised in this period.',
    });
  });
});
