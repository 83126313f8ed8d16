import { useMemo } from 'react';
import type * as Y from 'yjs';
import { assessmentHref } from '../assessments/assessment-href.ts';
import { useApprovals, useAssessmentIndex } from '../assessments/use-assessments.ts';
import { formatDay } from '../inbox/inbox-rows.ts';
import { recordHref } from '../inventory/list/record-href.ts';
import { risksHref } from '../risks/risk-rows.ts';
import { useRisks } from '../risks/use-risks.ts';
import { useGovernance } from '../settings/use-governance.ts';
import { useTierScheme } from '../settings/use-tier-scheme.ts';
import { useRegistry } from '../sync/documents.ts';
import {
  REVIEW_HORIZON_DAYS,
  RISK_HORIZON_DAYS,
  reviewStatusLabel,
  reviewsDue,
  riskStatusLabel,
  type ReviewDueRow,
  type RiskDueRow,
} from './reviews-due.ts';
import './reviews-due.css';
import { ChangesDue } from './ChangesDue.tsx';

const MAX_DESCRIPTION = 120;

const Day = ({ time }: { time: number }) => (
  <time dateTime={formatDay(time)}>{formatDay(time)}</time>
);

/**
 * Assessments overdue for review or due soon (ISO/IEC 42001 8.2, 8.4: at planned intervals), and
 * open risks past or near their due date. Everything from the documents is rendered as text.
 */
export function ReviewsDue({ registry, now }: { registry: Y.Doc | undefined; now: () => number }) {
  const { assessments } = useAssessmentIndex(registry);
  const { approvals } = useApprovals(registry);
  const { records } = useRegistry(registry);
  const tierScheme = useTierScheme(registry);
  const { risks } = useRisks(registry);
  const { reviewMonths } = useGovernance(registry);
  // Recomputed when a document changes (the dashboard is not a clock).
  const { due, at } = useMemo(() => {
    const at = now();
    const due = reviewsDue({
      assessments,
      approvals,
      records,
      tierScheme,
      risks: risks.values(),
      now: at,
      reviewMonths,
    });
    return { due, at };
  }, [assessments, approvals, records, tierScheme, risks, reviewMonths, now]);

  return (
    <section aria-labelledby="reviews-due" className="reviews-due">
      <h2 id="reviews-due">Reviews due</h2>
      {due.reviews.length === 0 ? (
        <p className="muted">
          {assessments.length === 0
            ? 'No assessments yet.'
            : `No assessment review is due in the next ${REVIEW_HORIZON_DAYS} days.`}
        </p>
      ) : (
        <table className="reviews-due-table table-cards">
          <caption className="muted">
            Overdue first, then reviews due in the next {REVIEW_HORIZON_DAYS} days, then assessments
            not signed off yet.
          </caption>
          <thead>
            <tr>
              <th scope="col">Assessment</th>
              <th scope="col">AI system</th>
              <th scope="col">Tier</th>
              <th scope="col">Last sign-off</th>
              <th scope="col">Next review</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {due.reviews.map((row) => (
              <ReviewRow key={row.assessment.id} row={row} now={at} />
            ))}
          </tbody>
        </table>
      )}
      {due.later > 0 && (
        <p className="muted">
          {due.later === 1 ? '1 more assessment is' : `${due.later} more assessments are`} due for
          review later than {REVIEW_HORIZON_DAYS} days from now.
        </p>
      )}
      <ChangesDue registry={registry} />
      <RisksDue rows={due.risks} now={at} />
    </section>
  );
}

function ReviewRow({ row, now }: { row: ReviewDueRow; now: number }) {
  const { assessment, system, tier } = row;
  return (
    <tr className={`review-${row.state}`}>
      <th scope="row">
        <a href={assessmentHref(assessment.id)}>{assessment.title}</a>
      </th>
      <td data-label="AI system">
        {system.known ? (
          <a href={recordHref(system.id)}>{system.name}</a>
        ) : (
          <span className="muted">Unknown record {system.id}</span>
        )}
      </td>
      <td data-label="Tier">
        {tier ? (
          <>
            {tier.name}
            {!tier.current && <span className="muted"> (no longer in the scheme)</span>}
          </>
        ) : (
          <span className="muted">Not tiered</span>
        )}
      </td>
      <td data-label="Last sign-off">
        {row.lastSignOffAt === undefined ? (
          <span className="muted">Never signed off</span>
        ) : (
          <Day time={row.lastSignOffAt} />
        )}
      </td>
      <td data-label="Next review">
        {row.review.dueAt === undefined ? (
          <span className="muted">After the first sign-off</span>
        ) : (
          <>
            <Day time={row.review.dueAt} />{' '}
            <span className="muted small">(every {row.review.months} months)</span>
          </>
        )}
      </td>
      <td data-label="Status">
        <span className={`review-state review-state-${row.state}`}>
          {reviewStatusLabel(row, now)}
        </span>
      </td>
    </tr>
  );
}

const short = (text: string) =>
  text.length > MAX_DESCRIPTION ? `${text.slice(0, MAX_DESCRIPTION - 1)}…` : text;

function RisksDue({ rows, now }: { rows: RiskDueRow[]; now: number }) {
  const href = risksHref({ status: 'active' }, 'due');
  return (
    <>
      <h3 id="risks-due">Risk treatments due</h3>
      {rows.length === 0 ? (
        <p className="muted">
          No open risk is past its due date or due in the next {RISK_HORIZON_DAYS} days.
        </p>
      ) : (
        <table className="reviews-due-table table-cards" aria-labelledby="risks-due">
          <thead>
            <tr>
              <th scope="col">Risk</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.risk.id} className={row.overdue ? 'review-overdue' : undefined}>
                <th scope="row">
                  <a href={href}>{short(row.risk.description)}</a>
                </th>
                <td data-label="Due">
                  <Day time={row.dueDate} />
                </td>
                <td data-label="Status">
                  <span
                    className={`review-state review-state-${row.overdue ? 'overdue' : 'upcoming'}`}
                  >
                    {riskStatusLabel(row, now)}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
