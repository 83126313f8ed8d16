import type * as Y from 'yjs';
import { CATEGORY_LABELS } from '../../../shared/catalog/schema.ts';
import type { RegistryRecord } from '../../../shared/documents/registry/index.ts';
import { useRegistry } from '../sync/documents.ts';
import { euAiActShown, tierShown } from './classification-words.ts';
import { RecordView } from './RecordView.tsx';
import './inventory.css';

interface Props {
  registry: Y.Doc | undefined;
  /** The record to show (`#/inventory/<id>`); the list when undefined. */
  recordId?: string | undefined;
  canEdit: boolean;
  me: string;
  now?: () => number;
}

export const recordHref = (id: string) => `#/inventory/${encodeURIComponent(id)}`;

/** The AI inventory: every registry record, and one record with its classification. */
export function Inventory({ registry, recordId, canEdit, me, now }: Props) {
  const { records } = useRegistry(registry);
  if (registry === undefined) {
    return (
      <div className="prose">
        <h1>Inventory</h1>
        <p className="muted">This role does not see the registry.</p>
      </div>
    );
  }
  if (recordId !== undefined) {
    const record = records.get(recordId);
    if (!record) {
      return (
        <div className="prose">
          <p>
            <a href="#/inventory">← Inventory</a>
          </p>
          <h1>Not in the inventory</h1>
          <p className="muted">
            There is no record <code>{recordId}</code> on this device.
          </p>
        </div>
      );
    }
    return <RecordView record={record} registry={registry} canEdit={canEdit} me={me} now={now} />;
  }
  return <InventoryList records={[...records.values()]} />;
}

function InventoryList({ records }: { records: RegistryRecord[] }) {
  const sorted = [...records].sort(
    (a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
  );
  return (
    <section aria-labelledby="inventory-heading" className="inventory">
      <h1 id="inventory-heading">Inventory</h1>
      {sorted.length === 0 ? (
        <p className="muted">
          No AI systems in the inventory yet. Records appear here as leads open them from the inbox.
        </p>
      ) : (
        <table className="inventory-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Category</th>
              <th scope="col">Lifecycle</th>
              <th scope="col">Owner</th>
              <th scope="col">Tier</th>
              <th scope="col">EU AI Act</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((record) => (
              <tr key={record.id} data-record-id={record.id}>
                <td>
                  <a href={recordHref(record.id)}>{record.name}</a>
                </td>
                <td>{record.category ? CATEGORY_LABELS[record.category] : '—'}</td>
                <td>{record.lifecycle ?? '—'}</td>
                <td>{record.owner ?? '—'}</td>
                <td>{tierShown(record)}</td>
                <td>{euAiActShown(record)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
