/** The inventory register as files: export (CSV, JSON) and the mapping of a CSV import. */
export { csvCell, csvDocument } from './csv.ts';
export {
  LIST_SEPARATOR,
  REGISTER_COLUMNS,
  REGISTER_JSON_FORMAT,
  registerCsv,
  registerJson,
  type EuAiActStatus,
} from './register-export.ts';
export {
  MAX_IMPORT_ROWS,
  mapHeaders,
  mapInventoryImport,
  type ImportColumn,
  type ImportField,
  type ImportProblem,
  type ImportRow,
  type InventoryImport,
} from './csv-import.ts';
