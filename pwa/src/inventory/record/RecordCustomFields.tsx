import { useCallback } from 'react';
import type * as Y from 'yjs';
import {
  readRecordCustomFields,
  type CustomField,
} from '../../../../shared/documents/registry/index.ts';
import { useDocument } from '../../sync/use-document.ts';

const NONE: CustomField[] = [];

/**
 * The record's custom fields: columns of an imported spreadsheet that no record field holds
 * (docs/imports.md), by name. The register's exports carry the same values (one reader).
 */
export function RecordCustomFields({ registry, recordId }: { registry: Y.Doc; recordId: string }) {
  const read = useCallback((doc: Y.Doc) => readRecordCustomFields(doc, recordId), [recordId]);
  const fields = useDocument(registry, read, NONE);
  if (fields.length === 0) return null;
  return (
    <section aria-labelledby="record-custom-heading">
      <h2 id="record-custom-heading">Imported fields</h2>
      <dl className="record-fields">
        {fields.map(({ name, value }) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd className="record-custom-value">{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
