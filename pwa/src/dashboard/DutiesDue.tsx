import { useMemo } from 'react';
import type * as Y from 'yjs';
import { formatRuleDay, isoDay } from '../../../shared/classification/index.ts';
import { trackerSummary } from '../../../shared/duty-tracker/index.ts';
import { useDutyTracker } from '../inventory/duties/use-duty-tracker.ts';
import { useGovernance } from '../settings/use-governance.ts';
import { useRegistry } from '../sync/documents.ts';

const count = (n: number) => n.toLocaleString('en');

/**
 * The EU AI Act duties of the workspace still open across its high-risk and Art. 50 systems: those
 * that apply now, and those due by the Annex III day (2 Dec 2027, from the rules data).
 */
export function DutiesDue({ registry, now }: { registry: Y.Doc | undefined; now: () => number }) {
  const { records } = useRegistry(registry);
  const tracker = useDutyTracker(registry);
  const { publicBodyOrPublicService } = useGovernance(registry);
  // Recomputed when a document changes (the dashboard is not a clock).
  const summary = useMemo(
    () =>
      trackerSummary(
        records.values(),
        tracker,
        publicBodyOrPublicService === undefined ? {} : { publicBodyOrPublicService },
        isoDay(now()),
      ),
    [records, tracker, publicBodyOrPublicService, now],
  );
  return (
    <section aria-labelledby="duties-due" className="duties-due">
      <h2 id="duties-due">EU AI Act duties</h2>
      {summary.systems === 0 ? (
        <p className="muted">No high-risk system and none with Art. 50 duties in the inventory.</p>
      ) : (
        <dl className="dashboard-totals">
          <div>
            <dt>Open duties that apply now</dt>
            <dd>{count(summary.openNow)}</dd>
          </div>
          <div>
            <dt>Due before {formatRuleDay(summary.dueBy.date)}</dt>
            <dd>{count(summary.dueBy.count)}</dd>
          </div>
          <div>
            <dt>Systems tracked</dt>
            <dd>{count(summary.systems)}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
