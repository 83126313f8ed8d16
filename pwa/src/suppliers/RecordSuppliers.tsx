import type * as Y from 'yjs';
import { AIMS_SUPPLIERS, suppliersOfRecord } from '../../../shared/documents/aims/index.ts';
import { useAims } from '../aims/use-aims.ts';
import { SUPPLIERS_HREF, supplierAlerts } from './supplier-words.ts';

interface Props {
  registry: Y.Doc;
  recordId: string;
  now: () => number;
}

/**
 * A record's supplier files (A.10): those that name the record among the records that use them,
 * the one place that link is kept (shared/documents/aims/supplier-registers.ts).
 */
export function RecordSuppliers({ registry, recordId, now }: Props) {
  const aims = useAims(registry);
  const suppliers = suppliersOfRecord(aims.get(AIMS_SUPPLIERS.id)?.entries ?? [], recordId);
  const at = now();
  return (
    <section aria-labelledby="record-suppliers" className="record-suppliers">
      <h2 id="record-suppliers">Suppliers</h2>
      {suppliers.length === 0 ? (
        <p className="muted">
          No supplier file names this record. <a href={SUPPLIERS_HREF}>Supplier files</a>
        </p>
      ) : (
        <ul>
          {suppliers.map((supplier) => {
            const alerts = supplierAlerts(supplier.values, at);
            return (
              <li key={supplier.id}>
                <a href={SUPPLIERS_HREF}>{String(supplier.values.title)}</a>
                {typeof supplier.values.owner === 'string' && ` · owner ${supplier.values.owner}`}
                {alerts.length > 0 && <span className="aims-badge">{alerts.join(' · ')}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
