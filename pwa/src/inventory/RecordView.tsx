import type * as Y from 'yjs';
import { CATEGORY_LABELS } from '../../../shared/catalog/schema.ts';
import type { RegistryRecord } from '../../../shared/documents/registry/index.ts';
import { ClassificationPanel } from './ClassificationPanel.tsx';
import { formatDay } from './classification-words.ts';

interface Props {
  record: RegistryRecord;
  registry: Y.Doc;
  canEdit: boolean;
  me: string;
  now?: (() => number) | undefined;
}

/** One inventory record: its fields, and its classification panel. */
export function RecordView({ record, registry, canEdit, me, now }: Props) {
  const rows: Array<[string, string | undefined]> = [
    ['Vendor', record.vendor],
    ['Category', record.category && CATEGORY_LABELS[record.category]],
    ['Purpose', record.purpose],
    ['Owner', record.owner],
    ['Lifecycle', record.lifecycle],
    ['Departments', record.departments.join(', ') || undefined],
    ['Users', record.userCount?.toString()],
    ['Data categories', record.dataCategories.join(', ') || undefined],
    ['Detections', record.toolKeys.join(', ') || undefined],
    ['Model', record.model],
    ['Provider', record.provider],
    ['Created', `${formatDay(record.createdAt)} by ${record.createdBy || 'someone'}`],
    ['Last changed', `${formatDay(record.updatedAt)} by ${record.updatedBy || 'someone'}`],
  ];
  return (
    <article className="record-view" aria-labelledby="record-heading">
      <p>
        <a href="#/inventory">← Inventory</a>
      </p>
      <h1 id="record-heading">{record.name}</h1>
      <dl className="record-fields">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value ?? '—'}</dd>
          </div>
        ))}
      </dl>
      <ClassificationPanel
        key={record.id}
        recordId={record.id}
        classification={record.classification}
        registry={registry}
        canEdit={canEdit}
        me={me}
        {...(now ? { now } : {})}
      />
    </article>
  );
}
