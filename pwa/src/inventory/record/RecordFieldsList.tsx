import { CATEGORY_LABELS } from '../../../../shared/catalog/schema.ts';
import type { RegistryRecord } from '../../../../shared/documents/registry/index.ts';
import { LIFECYCLE_LABELS } from './record-words.ts';

/** A record's fields as text, for those who may read but not edit it. */
export function RecordFieldsList({ record }: { record: RegistryRecord }) {
  const rows: Array<[string, string | undefined]> = [
    ['Vendor', record.vendor],
    ['Category', record.category && CATEGORY_LABELS[record.category]],
    ['Lifecycle', record.lifecycle && LIFECYCLE_LABELS[record.lifecycle]],
    ['Business owner', record.owner],
    ['Number of users', record.userCount?.toString()],
    ['Model', record.model],
    ['Provider', record.provider],
    ['Purpose', record.purpose],
    ['Departments', record.departments.join(', ') || undefined],
    ['Data categories', record.dataCategories.join(', ') || undefined],
    ['Detections', record.toolKeys.join(', ') || undefined],
  ];
  return (
    <section aria-labelledby="record-fields-heading">
      <h2 id="record-fields-heading">Record</h2>
      <dl className="record-fields">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value ?? '—'}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
