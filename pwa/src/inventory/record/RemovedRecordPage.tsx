import type { Registry, RegistryRecord } from '../../../../shared/documents/registry/index.ts';
import { formatDay } from '../classification-words.ts';
import { recordHref } from '../list/record-href.ts';
import { personShown } from './record-words.ts';

type Removed = NonNullable<Registry['removed']> extends Map<string, infer R> ? R : never;

/** The page of a record merged into another (a link to it) or deleted (who, when, why). */
export function RemovedRecordPage({
  gone,
  records,
}: {
  gone: Removed;
  records: ReadonlyMap<string, RegistryRecord>;
}) {
  const into = gone.mergedInto !== undefined ? records.get(gone.mergedInto) : undefined;
  return (
    <div className="prose">
      <p>
        <a href="#/inventory">← Inventory</a>
      </p>
      <h1>{gone.name}</h1>
      {gone.mergedInto !== undefined && (
        <p>
          This record was merged into{' '}
          <a href={recordHref(gone.mergedInto)}>{into?.name ?? gone.mergedInto}</a>, which holds its
          detections, notes, history, risks and assessments.
        </p>
      )}
      {gone.deleted && (
        <p>
          Deleted by {personShown(gone.deleted.by)} on {formatDay(gone.deleted.at)}. Reason:{' '}
          <q>{gone.deleted.reason}</q>
        </p>
      )}
    </div>
  );
}
