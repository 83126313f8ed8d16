import type * as Y from 'yjs';
import {
  AIMS_SUPPLIERS,
  isRenewalDue,
  RENEWAL_NOTICE_DAYS,
} from '../../../shared/documents/aims/index.ts';
import { useAims } from '../aims/use-aims.ts';
import { SUPPLIERS_HREF, supplierAlerts } from './supplier-words.ts';

/** The dashboard's supplier renewals due within RENEWAL_NOTICE_DAYS (or past), soonest first. */
export function SupplierRenewalsDue({
  registry,
  now,
}: {
  registry: Y.Doc | undefined;
  now: () => number;
}) {
  const aims = useAims(registry);
  const at = now();
  const due = (aims.get(AIMS_SUPPLIERS.id)?.entries ?? [])
    .filter((supplier) => isRenewalDue(supplier.values, at))
    .sort((a, b) => Number(a.values.renewalDate) - Number(b.values.renewalDate));
  return (
    <section aria-labelledby="supplier-renewals" className="supplier-renewals">
      <h2 id="supplier-renewals">Supplier renewals</h2>
      {due.length === 0 ? (
        <p className="muted">No supplier renews in the next {RENEWAL_NOTICE_DAYS} days.</p>
      ) : (
        <ul>
          {due.map((supplier) => (
            <li key={supplier.id}>
              <a href={SUPPLIERS_HREF}>{String(supplier.values.title)}</a>:{' '}
              {supplierAlerts(supplier.values, at).join(' · ')}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
