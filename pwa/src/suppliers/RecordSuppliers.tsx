import { Suspense } from 'react';
import type * as Y from 'yjs';
import { builtInCatalog } from '../../../shared/catalog/catalog.ts';
import { AIMS_SUPPLIERS, suppliersOfRecord } from '../../../shared/documents/aims/index.ts';
import { ErrorBoundary } from '../error-boundary/ErrorBoundary.tsx';
import { lazyChunk } from '../error-boundary/lazy-chunk.tsx';
import { useAims } from '../aims/use-aims.ts';
import { SUPPLIERS_HREF, supplierAlerts } from './supplier-words.ts';

// Loaded only when a lead can start a supplier file here: the record page stays light. A device
// that goes offline before the service worker holds the chunk goes without the button rather
// than losing the page and what is being typed on it (its own boundary, with no message).
const NewSupplierFile = lazyChunk(() =>
  import('./NewSupplierFile.tsx').then((module) => module.default),
);

interface Props {
  registry: Y.Doc;
  recordId: string;
  /** The record's detection tool keys: a catalog tool among them pre-fills a new supplier file. */
  toolKeys?: readonly string[];
  /** Leads and admins add supplier files (the registry's AIMS registers). */
  canEdit?: boolean;
  me?: string;
  now: () => number;
}

/**
 * A record's supplier files (A.10): those that name the record among the records that use them,
 * the one place that link is kept (shared/documents/aims/supplier-registers.ts). A lead can start
 * a supplier file for the record's catalog tool, its name, tool and record filled in.
 */
export function RecordSuppliers({ registry, recordId, toolKeys = [], canEdit, me, now }: Props) {
  const aims = useAims(registry);
  const all = aims.get(AIMS_SUPPLIERS.id)?.entries ?? [];
  const suppliers = suppliersOfRecord(all, recordId);
  const covered = new Set(suppliers.map((supplier) => supplier.values.toolId));
  // The catalog is read only when there is something to offer (it is thousands of tools).
  const offered = canEdit === true ? toolKeys.filter((key) => !covered.has(key)) : [];
  const tools =
    offered.length === 0 ? [] : builtInCatalog().filter((tool) => offered.includes(tool.id));
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
      {me !== undefined && tools.length > 0 && (
        <ErrorBoundary fallback={null}>
          <Suspense fallback={null}>
            <NewSupplierFile
              registry={registry}
              recordId={recordId}
              tools={tools}
              me={me}
              now={now}
            />
          </Suspense>
        </ErrorBoundary>
      )}
    </section>
  );
}
