import { CATEGORY_LABELS } from '../catalog/schema.ts';
import { DEFAULT_TIER_SCHEME, type TierScheme } from '../classification/index.ts';
import {
  historyWords,
  type CustomField,
  type RecordLogs,
  type RegistryRecord,
} from '../documents/registry/index.ts';
import { byCodeUnit } from '../documents/schema/values.ts';
import {
  jsonProvenanceOf,
  provenanceRows,
  type ExportProvenance,
} from '../assessments/provenance.ts';
import {
  DATA_CATEGORY_WORDS,
  EU_AI_ACT_LABELS,
  EU_AI_ACT_STATUS_LABELS,
  LIFECYCLE_LABELS,
  NOTE_KIND_LABELS,
  labelOf,
} from '../exports/words.ts';
import { csvDocument } from './csv.ts';
import { VENDOR_FACTS_COLUMN, vendorFactsCell, vendorFactsJson } from './register-vendor-facts.ts';

/**
 * The inventory register as a file (CSV or JSON). Pure and deterministic: the same records give
 * the same bytes (records by name, then id; a fixed column and key order; the time of export
 * only when the caller passes a provenance), so two exports can be compared with diff. Values
 * are in the reader's words (E2); the provenance is in the file itself (E1): the CSV's last
 * columns, the JSON's `exported` object.
 */

/** How the EU AI Act category stands: a lead's decision, or only the product's suggestion. */
export type EuAiActStatus = 'confirmed' | 'overridden' | 'suggested';

function euAiAct(record: RegistryRecord) {
  const c = record.classification;
  if (c?.decision) {
    const status: EuAiActStatus = c.decision.confirmed ? 'confirmed' : 'overridden';
    return {
      category: c.decision.category,
      status,
      basis: c.suggested?.basis ?? [],
      decision: c.decision,
    };
  }
  if (c?.suggested) {
    const status: EuAiActStatus = 'suggested';
    return {
      category: c.suggested.category,
      status,
      basis: c.suggested.basis,
      decision: undefined,
    };
  }
  return undefined;
}

const iso = (time: number) => (time > 0 ? new Date(time).toISOString() : '');
/** By name (as a person scans a list), then id: stable whatever the document's key order. */
export const sortedByName = <T extends { id: string; name: string }>(records: Iterable<T>): T[] =>
  [...records].sort(
    (a, b) => byCodeUnit(a.name.toLowerCase(), b.name.toLowerCase()) || byCodeUnit(a.id, b.id),
  );
const tierName = (id: string, scheme: TierScheme) =>
  scheme.tiers.find((tier) => tier.id === id)?.name ?? id;

/** The CSV columns, in order. The names are ones the CSV import recognises, so a register re-imports. */
export const REGISTER_COLUMNS = [
  'ID',
  'Name',
  'Vendor',
  'Category',
  'Purpose',
  'Owner',
  'Lifecycle',
  'Departments',
  'Users',
  'Data categories',
  'Detections',
  'Model',
  'Provider',
  'Tier',
  'EU AI Act category',
  'EU AI Act status',
  'EU AI Act basis',
  'EU AI Act override reason',
  'Created',
  'Created by',
  'Last changed',
  'Changed by',
] as const;

/** Appended when the export is given its provenance: the same values on every row. */
export const PROVENANCE_COLUMNS = [
  'Organisation',
  'Workspace',
  'Exported by',
  'Exported at',
  'Document state',
] as const;

/** Lists inside one cell are joined with this (the import splits on it). */
export const LIST_SEPARATOR = '; ';

function csvRow(record: RegistryRecord, scheme: TierScheme): string[] {
  const eu = euAiAct(record);
  const tier = record.classification?.tier;
  return [
    record.id,
    record.name,
    record.vendor ?? '',
    record.category ? labelOf(CATEGORY_LABELS, record.category) : '',
    record.purpose ?? '',
    record.owner ?? '',
    record.lifecycle ? labelOf(LIFECYCLE_LABELS, record.lifecycle) : '',
    record.departments.join(LIST_SEPARATOR),
    record.userCount === undefined ? '' : String(record.userCount),
    record.dataCategories.map((d) => labelOf(DATA_CATEGORY_WORDS, d)).join(LIST_SEPARATOR),
    record.toolKeys.join(LIST_SEPARATOR),
    record.model ?? '',
    record.provider ?? '',
    tier ? tierName(tier.decided, scheme) : '',
    eu ? labelOf(EU_AI_ACT_LABELS, eu.category) : '',
    eu ? EU_AI_ACT_STATUS_LABELS[eu.status] : '',
    eu?.basis.join(LIST_SEPARATOR) ?? '',
    eu?.decision?.overrideReason ?? '',
    iso(record.createdAt),
    record.createdBy,
    iso(record.updatedAt),
    record.updatedBy,
  ];
}

/** Records' custom fields by record id (readCustomFields), exported after the register's columns. */
export type CustomFieldsByRecord = ReadonlyMap<string, readonly CustomField[]>;

export interface RegisterExportOptions {
  /** Who exported it, when, from where: the CSV's last columns, the JSON's `exported`. */
  provenance?: ExportProvenance;
  /** A record's notes and history (registry readRecordLogs), for the JSON register. */
  logs?: (recordId: string) => RecordLogs;
  /** Imported columns no record field holds (registry readCustomFields().byRecord). */
  custom?: CustomFieldsByRecord;
}

/** The custom field names any record has, sorted; a name a register column has gets " (custom)". */
function customColumns(custom: CustomFieldsByRecord) {
  const taken = new Set(
    [...REGISTER_COLUMNS, VENDOR_FACTS_COLUMN].map((column) => column.toLowerCase()),
  );
  const names = [...new Set([...custom.values()].flatMap((list) => list.map((f) => f.name)))];
  return names
    .sort(byCodeUnit)
    .map((name) => ({ name, header: taken.has(name.toLowerCase()) ? `${name} (custom)` : name }));
}

/**
 * The register as CSV (RFC 4180, CRLF, formula-safe cells), one row per record, by name; then a
 * column per custom field (imported columns no record field holds), so nothing imported is lost;
 * then the provenance columns.
 */
export function registerCsv(
  records: Iterable<RegistryRecord>,
  scheme: TierScheme = DEFAULT_TIER_SCHEME,
  options: RegisterExportOptions = {},
): string {
  const custom = options.custom ?? new Map<string, readonly CustomField[]>();
  const extra = customColumns(custom);
  const valueOf = (id: string, name: string) =>
    custom.get(id)?.find((field) => field.name === name)?.value ?? '';
  const stamp = options.provenance ? provenanceRows(options.provenance).map(([, v]) => v) : [];
  return csvDocument([
    [
      ...REGISTER_COLUMNS,
      VENDOR_FACTS_COLUMN,
      ...extra.map((column) => column.header),
      ...(options.provenance ? PROVENANCE_COLUMNS : []),
    ],
    ...sortedByName(records).map((record) => [
      ...csvRow(record, scheme),
      vendorFactsCell(record.toolKeys, LIST_SEPARATOR),
      ...extra.map((column) => valueOf(record.id, column.name)),
      ...stamp,
    ]),
  ]);
}

/** Drops keys whose value is undefined, keeping the order the object was written in. */
function defined(entries: Array<[string, unknown]>): Record<string, unknown> {
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
}

function jsonLogs(logs: RecordLogs | undefined) {
  if (!logs) return {};
  return {
    notes: logs.notes.map((n) =>
      defined([
        ['kind', labelOf(NOTE_KIND_LABELS, n.kind)],
        ['text', n.text],
        ['by', n.by],
        ['at', iso(n.at)],
      ]),
    ),
    history: logs.history.map((h) =>
      defined([
        ['at', iso(h.at)],
        ['by', h.by],
        ['action', h.action],
        ['fields', h.fields],
        ['changes', h.changes],
        ['reason', h.reason],
        ['summary', h.summary],
        // The same words the record page shows (history-words.ts), so a reader needs no key list.
        ['words', [historyWords(h).action, ...historyWords(h).lines].join('\n')],
      ]),
    ),
  };
}

function jsonRecord(
  record: RegistryRecord,
  scheme: TierScheme,
  logs: RecordLogs | undefined,
  customFields: readonly CustomField[] = [],
): Record<string, unknown> {
  const eu = euAiAct(record);
  const tier = record.classification?.tier;
  const classification = record.classification
    ? defined([
        [
          'euAiAct',
          eu &&
            defined([
              ['category', eu.category],
              ['label', labelOf(EU_AI_ACT_LABELS, eu.category)],
              ['status', eu.status],
              ['suggested', record.classification?.suggested?.category],
              ['basis', eu.basis],
              ['confirmed', eu.decision?.confirmed],
              ['overrideReason', eu.decision?.overrideReason],
              ['decidedBy', eu.decision?.by],
              ['decidedAt', eu.decision && iso(eu.decision.at)],
            ]),
        ],
        [
          'tier',
          tier &&
            defined([
              ['decided', tier.decided],
              ['name', tierName(tier.decided, scheme)],
              ['suggested', tier.suggested],
              ['reason', tier.reason],
              ['suggestedReasons', tier.suggestedReasons],
              ['decidedBy', tier.by],
              ['decidedAt', iso(tier.at)],
            ]),
        ],
        ['answers', record.classification?.profile],
        ['answeredBy', record.classification?.answeredBy],
        ['answeredAt', record.classification?.answeredAt && iso(record.classification.answeredAt)],
      ])
    : undefined;
  const custom =
    customFields.length > 0
      ? Object.fromEntries(customFields.map((f) => [f.name, f.value]))
      : undefined;
  return defined([
    ['id', record.id],
    ['name', record.name],
    ['vendor', record.vendor],
    ['category', record.category],
    ['categoryLabel', record.category && labelOf(CATEGORY_LABELS, record.category)],
    ['purpose', record.purpose],
    ['owner', record.owner],
    ['lifecycle', record.lifecycle],
    ['lifecycleLabel', record.lifecycle && labelOf(LIFECYCLE_LABELS, record.lifecycle)],
    ['departments', record.departments],
    ['userCount', record.userCount],
    ['dataCategories', record.dataCategories],
    ['toolKeys', record.toolKeys],
    ['model', record.model],
    ['provider', record.provider],
    ['vendorFacts', vendorFactsJson(record.toolKeys)],
    ['classification', classification],
    ['customFields', custom],
    ['createdAt', iso(record.createdAt)],
    ['createdBy', record.createdBy],
    ['updatedAt', iso(record.updatedAt)],
    ['updatedBy', record.updatedBy],
    ...Object.entries(jsonLogs(logs)),
  ]);
}

export const REGISTER_JSON_FORMAT = 'sightline-inventory-register';

/**
 * The register as JSON: `{ format, version, exported?, records: [...] }`, each record with its
 * classification answers and decisions, notes and history when `logs` is given; two-space
 * indent, final newline.
 */
export function registerJson(
  records: Iterable<RegistryRecord>,
  scheme: TierScheme = DEFAULT_TIER_SCHEME,
  options: RegisterExportOptions = {},
): string {
  const body = defined([
    ['format', REGISTER_JSON_FORMAT],
    ['version', 2],
    ['exported', jsonProvenanceOf(options.provenance)],
    [
      'records',
      sortedByName(records).map((record) =>
        jsonRecord(record, scheme, options.logs?.(record.id), options.custom?.get(record.id)),
      ),
    ],
  ]);
  return JSON.stringify(body, null, 2) + '\n';
}
