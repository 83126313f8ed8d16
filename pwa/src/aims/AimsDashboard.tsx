import type * as Y from 'yjs';
import {
  AIMS_COMPETENCES,
  AIMS_DOCUMENTS,
  AIMS_NONCONFORMITIES,
  AIMS_ROLES,
  AIMS_TRAINING,
  aimsCounts,
  competenceNeeds,
  documentRegister,
  isReviewDue,
} from '../../../shared/documents/aims/index.ts';
import { useAims } from './use-aims.ts';

interface Props {
  registry: Y.Doc | undefined;
  now: () => number;
}

/**
 * The dashboard's management-system figures, each from the rule the page's marks use: open
 * nonconformities and overdue actions (isActionOverdue), training expired or missing
 * (competenceNeeds), documents due for review (isReviewDue).
 */
export function AimsDashboard({ registry, now }: Props) {
  const aims = useAims(registry);
  if (!registry) return null;
  const at = now();
  const entries = (id: string) => aims.get(id)?.entries ?? [];
  const { openNonconformities, overdueActions } = aimsCounts(entries(AIMS_NONCONFORMITIES.id), at);
  const trainingGaps = competenceNeeds(
    entries(AIMS_COMPETENCES.id),
    entries(AIMS_ROLES.id),
    entries(AIMS_TRAINING.id),
    at,
  ).filter((need) => need.status === 'expired' || need.status === 'missing').length;
  const reviewsDue = documentRegister(registry).filter((row) => isReviewDue(row, at)).length;
  const figures: [string, number, string][] = [
    ['Open nonconformities', openNonconformities, AIMS_NONCONFORMITIES.id],
    ['Corrective actions overdue', overdueActions, AIMS_NONCONFORMITIES.id],
    ['Training expired or missing', trainingGaps, AIMS_TRAINING.id],
    ['Documents due for review', reviewsDue, AIMS_DOCUMENTS.id],
  ];
  return (
    <section aria-labelledby="aims-dashboard-heading" className="aims-dashboard">
      <h2 id="aims-dashboard-heading">Management system</h2>
      <dl className="aims-totals">
        {figures.map(([label, value, register]) => (
          <div key={label}>
            <dt>
              <a href={`#/aims/${register}`}>{label}</a>
            </dt>
            <dd>{value.toLocaleString('en')}</dd>
          </div>
        ))}
      </dl>
      <p>
        <a href="#/aims">All registers of the management system</a>
      </p>
    </section>
  );
}
