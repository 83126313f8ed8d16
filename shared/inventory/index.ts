/** The inventory register as files: export (CSV, JSON). The import is in ./import/. */
export { csvCell, csvDocument } from './csv.ts';
export {
  LIST_SEPARATOR,
  REGISTER_COLUMNS,
  REGISTER_JSON_FORMAT,
  registerCsv,
  registerJson,
  type EuAiActStatus,
} from './register-export.ts';
