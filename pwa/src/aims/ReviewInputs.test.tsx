import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  gatherReviewInputs,
  reviewMonitoringWords,
  type ReviewInputs,
} from '../../../shared/documents/aims/index.ts';
import { raiseBreaches } from '../../../shared/documents/registry/monitoring-alerts.ts';
import { createRecord } from '../../../shared/documents/registry/index.ts';
import { cleanup, render } from '../test-support/render.tsx';
import { ReviewInputsView } from './ReviewInputs.tsx';

const AT = Date.UTC(2026, 11, 7, 12);

afterEach(cleanup);

const monitoringRow = (view: HTMLElement) =>
  [...view.querySelectorAll('dt')].find((dt) => dt.textContent === 'Monitoring and measurement')
    ?.nextElementSibling?.textContent;

describe('the review inputs on the page (9.3.2)', () => {
  it('shows the monitoring results as the shared words say them, live and as frozen earlier', async () => {
    const doc = new Y.Doc();
    createRecord(doc, 'hire', { name: 'HireVue screening' }, 'Ana', AT - 10 * 86_400_000);
    // A fairness gap as docs/monitoring.md's demo raises it (true-positive rate, criterion 0.05).
    raiseBreaches(
      doc,
      [
        {
          id: 'mon-gap',
          recordId: 'hire',
          metric: 'true-positive rate',
          subgroup: '',
          kind: 'fairness',
          startAt: AT - 86_400_000,
          lastAt: AT - 86_400_000,
          worst: 0.08,
          threshold: 0.05,
          direction: 'at-most',
          onBreach: 'alert',
          high: 'men',
          low: 'women',
          count: 1,
        },
      ],
      'relay',
      AT - 86_400_000,
    );
    const inputs = gatherReviewInputs(doc, AT);
    const live = await render(<ReviewInputsView inputs={inputs} live />);
    expect(monitoringRow(live)).toBe(reviewMonitoringWords(inputs.monitoring));
    expect(monitoringRow(live)).toMatch(
      /HireVue screening — true-positive rate: 1 raised \(1 open/,
    );
    cleanup();

    // A review frozen before monitoring was gathered holds only its note.
    const older = {
      ...inputs,
      monitoring: { available: false, note: 'Monitoring results are not recorded yet.' },
    } as unknown as ReviewInputs;
    const frozen = await render(<ReviewInputsView inputs={older} live={false} />);
    expect(monitoringRow(frozen)).toBe('Monitoring results are not recorded yet.');
  });
});
