import type * as Y from 'yjs';
import { AIMS_NONCONFORMITIES, aimsCounts } from '../../../shared/documents/aims/index.ts';
import { useAims } from './use-aims.ts';

interface Props {
  registry: Y.Doc | undefined;
  now: () => number;
}

/** The dashboard's management-system figures: open nonconformities and overdue actions. */
export function AimsDashboard({ registry, now }: Props) {
  const aims = useAims(registry);
  if (!registry) return null;
  const entries = aims.get(AIMS_NONCONFORMITIES.id)?.entries ?? [];
  const { openNonconformities, overdueActions } = aimsCounts(entries, now());
  return (
    <section aria-labelledby="aims-dashboard-heading" className="aims-dashboard">
      <h2 id="aims-dashboard-heading">Management system</h2>
      <dl className="aims-totals">
        <div>
          <dt>Open nonconformities</dt>
          <dd>{openNonconformities.toLocaleString('en')}</dd>
        </div>
        <div>
          <dt>Corrective actions overdue</dt>
          <dd>{overdueActions.toLocaleString('en')}</dd>
        </div>
      </dl>
      <p>
        <a href={`#/aims/${AIMS_NONCONFORMITIES.id}`}>Nonconformities and corrective actions</a>
      </p>
    </section>
  );
}
