import * as Y from 'yjs';
import { createRecord } from '../../../../shared/documents/registry/index.ts';
import {
  mapInventoryImport,
  type ImportRow,
  type InventoryImport,
} from '../../../../shared/inventory/index.ts';
import { newRecordId } from './new-record-id.ts';

/** Larger than any inventory spreadsheet; a file past it is refused before it is read. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

const broken = (fatal: string): InventoryImport => ({
  columns: [],
  records: [],
  errors: [],
  duplicates: [],
  fatal,
});

/**
 * Parses a CSV (papaparse: quotes, CRLF, a `;` or tab delimiter detected) and maps it to new
 * records. A file with broken quoting is refused whole: its rows cannot be trusted to line up.
 */
export async function readInventoryCsv(
  text: string,
  existingNames: Iterable<string>,
): Promise<InventoryImport> {
  // Loaded on first import, not with the app: most sessions never import.
  const { default: Papa } = await import('papaparse');
  const parsed = Papa.parse<string[]>(text, { header: false, skipEmptyLines: false });
  const quoting = parsed.errors.find((error) => error.type === 'Quotes');
  if (quoting) {
    const where = quoting.row === undefined ? '' : ` (row ${quoting.row + 1})`;
    return broken(`The file is not valid CSV${where}: ${quoting.message}.`);
  }
  return mapInventoryImport(parsed.data, existingNames);
}

export async function readInventoryFile(
  file: File,
  existingNames: Iterable<string>,
): Promise<InventoryImport> {
  if (file.size > MAX_IMPORT_BYTES) {
    return broken(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  }
  return readInventoryCsv(await file.text(), existingNames);
}

/**
 * Creates one record per row, all or nothing: every row is first written to a scratch document
 * (the writers' own checks), then all of them in one transaction. Returns the new ids.
 */
export function importRecords(
  doc: Y.Doc,
  rows: readonly ImportRow[],
  by: string,
  at: number,
  makeId: () => string = newRecordId,
): string[] {
  const planned = rows.map((row) => ({ id: makeId(), row }));
  const scratch = new Y.Doc();
  for (const { id, row } of planned) {
    try {
      createRecord(scratch, id, row.fields, by, at);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      throw new Error(`Row ${row.row}: ${why}`, { cause: error });
    }
  }
  doc.transact(() => {
    for (const { id, row } of planned) createRecord(doc, id, row.fields, by, at);
  });
  return planned.map(({ id }) => id);
}
