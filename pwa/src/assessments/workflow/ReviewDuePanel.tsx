import type * as Y from 'yjs';
import { nextReview } from '../../../../shared/assessments/index.ts';
import { findTier } from '../../../../shared/documents/registry/index.ts';
import { useGovernance } from '../../settings/use-governance.ts';
import { useTierScheme } from '../../settings/use-tier-scheme.ts';
import { reviewLabel } from './workflow-words.ts';

interface Props {
  registry: Y.Doc | undefined;
  /** The system's decided tier, from its registry record. */
  tierId: string | undefined;
  lastSignOffAt: number | undefined;
  now: () => number;
}

/** When the assessment is next due for review: the last sign-off plus its tier's interval. */
export function ReviewDuePanel({ registry, tierId, lastSignOffAt, now }: Props) {
  const workspace = useTierScheme(registry);
  const { scheme } = workspace;
  const { reviewMonths } = useGovernance(registry);
  let text: string;
  let state = 'unknown';
  if (!registry) text = 'The review date needs the registry, which is not available here.';
  else if (tierId === undefined) text = "The system's tier is not decided yet: no review cycle.";
  else {
    const due = nextReview({ tierId, scheme, lastSignOffAt, now: now(), custom: reviewMonths });
    const tier = findTier(workspace, tierId)?.tier;
    state = due.state;
    text = `${tier ? `${tier.name}: ` : ''}${reviewLabel(due)}`;
  }
  return (
    <section className="workflow-review" aria-labelledby="workflow-review-title">
      <h3 id="workflow-review-title">Review cycle</h3>
      <p className={`review-${state}`}>{text}</p>
    </section>
  );
}
