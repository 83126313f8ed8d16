/** The inventory import: spreadsheets (CSV, XLSX) mapped, planned and written to the registry. */
export {
  FIELD_LABELS,
  IMPORT_FIELDS,
  columnLabels,
  headerSignature,
  isColumnTarget,
  suggestColumns,
  type ColumnTarget,
  type ImportField,
} from './columns.ts';
export { ENUM_FIELDS, ENUM_VALUES, suggestValue, type EnumField } from './values.ts';
export {
  distinctValues,
  resolveValues,
  type DistinctValue,
  type ValueTargets,
} from './value-targets.ts';
export { catalogMatcher, type CatalogTool } from './catalog-match.ts';
export { prepareTable, resolveColumns } from './prepare.ts';
export {
  MAX_IMPORT_ROWS,
  countOutcomes,
  planImport,
  type ImportPlan,
  type Outcome,
  type PlanContext,
  type PlannedRecord,
  type PreparedTable,
  type RowOutcome,
} from './plan.ts';
export { applyImportPlan, type AppliedImport } from './apply.ts';
export {
  MAPPING_FORMAT,
  readSavedMapping,
  savedMapping,
  type SavedMapping,
} from './saved-mapping.ts';
export { MAX_IMPORT_BYTES, readSheet } from './read-sheet.ts';
export { importSummary, setUpImport, type ImportSetup } from './setup.ts';
