import { useState, type ChangeEvent } from 'react';
import type * as Y from 'yjs';
import { saveIsmsSoa } from '../../../shared/documents/registry/index.ts';
import { readSheet } from '../../../shared/inventory/import/read-sheet.ts';
import { parseIsmsSoa } from '../../../shared/iso27001/index.ts';

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

/**
 * Imports the ISMS's own SoA (CSV or XLSX): read whole, then written whole, or refused with every
 * row it could not read and nothing written (X27-2).
 */
export function SoaImport({
  registry,
  me,
  now,
}: {
  registry: Y.Doc;
  me: string;
  now: () => number;
}) {
  const [errors, setErrors] = useState<string[]>();
  const [done, setDone] = useState<string>();

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const input = event.target;
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setErrors(undefined);
    setDone(undefined);
    try {
      const sheet = await readSheet(new Uint8Array(await file.arrayBuffer()), decode);
      const read = parseIsmsSoa(sheet);
      if (!read.ok) return setErrors(read.errors);
      saveIsmsSoa(registry, read.rows, file.name.slice(0, 200) || 'soa.csv', me, now());
      const columns = Object.entries(read.columns)
        .map(([field, header]) => `${field} ← “${header}”`)
        .join(', ');
      setDone(
        `Imported ${read.rows.length} controls from ${file.name} (columns: ${columns}${
          read.skipped ? `; ${read.skipped} heading rows skipped` : ''
        }).`,
      );
    } catch (failure) {
      setErrors([failure instanceof Error ? failure.message : String(failure)]);
    }
  }

  return (
    <div className="isms-import">
      <label>
        Import your ISO/IEC 27001:2022 Statement of Applicability (CSV or XLSX)
        <input type="file" accept=".csv,.xlsx,text/csv" onChange={(e) => void choose(e)} />
      </label>
      <p className="muted small">
        Columns are found by their names (Control, Applicable, Status, Justification, Evidence,
        Owner…); a new import replaces the previous one.
      </p>
      {errors && (
        <div role="alert" className="error">
          <p>Not imported; nothing changed:</p>
          <ul>
            {errors.map((error, i) => (
              <li key={i}>{error}</li>
            ))}
          </ul>
        </div>
      )}
      {done && <p role="status">{done}</p>}
    </div>
  );
}
