import { DEFAULT_TIER_SCHEME, type TierScheme } from '../classification/index.ts';
import type { CustomField, RegistryRecord } from '../documents/registry/index.ts';
import { byCodeUnit } from '../documents/schema/values.ts';
import { csvDocument } from './csv.ts';

/**
 * The inventory register as a file (CSV or JSON). Pure and deterministic: the same records give
 * the same bytes (records sorted by id, a fixed column and key order, no time of export inside),
 * so two exports can be compared with diff.
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
const sortedById = (records: Iterable<RegistryRecord>) =>
  [...records].sort((a, b) => byCodeUnit(a.id, b.id));
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

/** Lists inside one cell are joined with this (the import splits on it). */
export const LIST_SEPARATOR = '; ';

function csvRow(record: RegistryRecord, scheme: TierScheme): string[] {
  const eu = euAiAct(record);
  const tier = record.classification?.tier;
  return [
    record.id,
    record.name,
    record.vendor ?? '',
    record.category ?? '',
    record.purpose ?? '',
    record.owner ?? '',
    record.lifecycle ?? '',
    record.departments.join(LIST_SEPARATOR),
    record.userCount === undefined ? '' : String(record.userCount),
    record.dataCategories.join(LIST_SEPARATOR),
    record.toolKeys.join(LIST_SEPARATOR),
    record.model ?? '',
    record.provider ?? '',
    tier ? tierName(tier.decided, scheme) : '',
    eu?.category ?? '',
    eu?.status ?? '',
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

/** The custom field names any record has, sorted; a name a register column has gets " (custom)". */
function customColumns(custom: CustomFieldsByRecord) {
  const taken = new Set(REGISTER_COLUMNS.map((column) => column.toLowerCase()));
  const names = [...new Set([...custom.values()].flatMap((list) => list.map((f) => f.name)))];
  return names
    .sort(byCodeUnit)
    .map((name) => ({ name, header: taken.has(name.toLowerCase()) ? `${name} (custom)` : name }));
}

/**
 * The register as CSV (RFC 4180, CRLF, formula-safe cells), one row per record, by id; then a
 * column per custom field (imported columns no record field holds), so nothing imported is lost.
 */
export function registerCsv(
  records: Iterable<RegistryRecord>,
  scheme: TierScheme = DEFAULT_TIER_SCHEME,
  custom: CustomFieldsByRecord = new Map(),
): string {
  const extra = customColumns(custom);
  const valueOf = (id: string, name: string) =>
    custom.get(id)?.find((field) => field.name === name)?.value ?? '';
  return csvDocument([
    [...REGISTER_COLUMNS, ...extra.map((column) => column.header)],
    ...sortedById(records).map((record) => [
      ...csvRow(record, scheme),
      ...extra.map((column) => valueOf(record.id, column.name)),
    ]),
  ]);
}

/** Drops keys whose value is undefined, keeping the order the object was written in. */
function defined(entries: Array<[string, unknown]>): Record<string, unknown> {
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined));
}

function jsonRecord(
  record: RegistryRecord,
  scheme: TierScheme,
  custom: readonly CustomField[] = [],
): Record<string, unknown> {
  const eu = euAiAct(record);
  const tier = record.classification?.tier;
  const classification =
    eu || tier
      ? defined([
          [
            'euAiAct',
            eu &&
              defined([
                ['category', eu.category],
                ['status', eu.status],
                ['basis', eu.basis],
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
                ['decidedBy', tier.by],
                ['decidedAt', iso(tier.at)],
              ]),
          ],
        ])
      : undefined;
  return defined([
    ['id', record.id],
    ['name', record.name],
    ['vendor', record.vendor],
    ['category', record.category],
    ['purpose', record.purpose],
    ['owner', record.owner],
    ['lifecycle', record.lifecycle],
    ['departments', record.departments],
    ['userCount', record.userCount],
    ['dataCategories', record.dataCategories],
    ['toolKeys', record.toolKeys],
    ['model', record.model],
    ['provider', record.provider],
    ['classification', classification],
    [
      'customFields',
      custom.length > 0 ? Object.fromEntries(custom.map((f) => [f.name, f.value])) : undefined,
    ],
    ['createdAt', iso(record.createdAt)],
    ['createdBy', record.createdBy],
    ['updatedAt', iso(record.updatedAt)],
    ['updatedBy', record.updatedBy],
  ]);
}

export const REGISTER_JSON_FORMAT = 'sightline-inventory-register';

/** The register as JSON: `{ format, version, records: [...] }`, two-space indent, final newline. */
export function registerJson(
  records: Iterable<RegistryRecord>,
  scheme: TierScheme = DEFAULT_TIER_SCHEME,
  custom: CustomFieldsByRecord = new Map(),
): string {
  const body = {
    format: REGISTER_JSON_FORMAT,
    version: 1,
    records: sortedById(records).map((record) => jsonRecord(record, scheme, custom.get(record.id))),
  };
  return JSON.stringify(body, null, 2) + '\n';
}
