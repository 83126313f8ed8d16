import { csvDocument } from '../../inventory/csv.ts';
import { byCodeUnit } from '../schema/values.ts';
import type { PolicyVersion } from './ai-policy.ts';
import type { AimsEntry } from './entries.ts';
import { valueText, type FieldValue, type LinkTarget } from './fields.ts';
import type { RegisterSpec } from './registers.ts';

/**
 * An AIMS register as a file. Deterministic: entries by id, columns in the register's field
 * order, no export time; CSV is RFC 4180 with formula-safe cells (inventory/csv.ts).
 * `names` spells out linked ids (record, risk or role id → its name) in a column beside them.
 */
export type LinkNames = Partial<Record<LinkTarget, ReadonlyMap<string, string>>>;

const sorted = (entries: Iterable<AimsEntry>) =>
  [...entries].sort((a, b) => byCodeUnit(a.id, b.id));

const iso = (time: number) => (time > 0 ? new Date(time).toISOString() : '');

/** Columns appended to every row: an export's provenance, the same values on each row. */
export interface CsvStamp {
  columns: readonly string[];
  values: readonly string[];
}
export const NO_STAMP: CsvStamp = { columns: [], values: [] };

export function aimsRegisterCsv(
  register: RegisterSpec,
  entries: Iterable<AimsEntry>,
  names: LinkNames = {},
  stamp: CsvStamp = NO_STAMP,
): string {
  const header = ['ID'];
  for (const field of register.fields) {
    header.push(field.label);
    if (field.kind === 'ids') header.push(`${field.label} (names)`);
  }
  header.push('Last changed', 'Changed by', ...stamp.columns);
  const rows = sorted(entries).map((entry) => {
    const row = [entry.id];
    for (const field of register.fields) {
      const value = entry.values[field.key];
      row.push(valueText(field, value));
      if (field.kind === 'ids') {
        const ids = Array.isArray(value) ? value : [];
        row.push(ids.map((id) => names[field.of]?.get(id) ?? '').join('; '));
      }
    }
    row.push(iso(entry.updatedAt), entry.updatedBy, ...stamp.values);
    return row;
  });
  return csvDocument([header, ...rows]);
}

type JsonEntry = Record<string, FieldValue | null | string>;

/**
 * Registers as one JSON document: `{ "clause", "title", "entries": [...] }` per register, each
 * entry with every field (null when empty; dates as YYYY-MM-DD), in field order; with the AI
 * policy's versions first when given.
 */
export function aimsRegistersJson(
  registers: ReadonlyArray<{ register: RegisterSpec; entries: Iterable<AimsEntry> }>,
  policyVersions?: Iterable<PolicyVersion>,
): string {
  const out: Record<string, unknown> = {};
  if (policyVersions !== undefined) {
    out.aimsPolicy = {
      clause: '5.2',
      title: 'AI policy',
      versions: [...policyVersions].map((v) => ({
        id: v.id,
        number: v.number ?? null,
        state: v.state,
        title: v.title,
        summary: v.summary,
        link: v.link,
        approvedBy: v.approvedBy ?? null,
        approvedAt: v.approvedAt === undefined ? null : iso(v.approvedAt),
        createdBy: v.createdBy,
        createdAt: iso(v.createdAt),
        updatedBy: v.updatedBy,
        updatedAt: iso(v.updatedAt),
      })),
    };
  }
  for (const { register, entries } of registers) {
    out[register.id] = {
      clause: register.clause,
      title: register.title,
      entries: sorted(entries).map((entry) => {
        const json: JsonEntry = { id: entry.id };
        for (const field of register.fields) {
          const value = entry.values[field.key];
          json[field.key] =
            value === undefined
              ? field.kind === 'ids' || field.kind === 'people'
                ? []
                : null
              : field.kind === 'date'
                ? valueText(field, value)
                : value;
        }
        json.updatedAt = iso(entry.updatedAt);
        json.updatedBy = entry.updatedBy;
        return json;
      }),
    };
  }
  return `${JSON.stringify(out, null, 2)}\n`;
}

export const AI_POLICY_COLUMNS = [
  'Version id',
  'Version',
  'State',
  'Title',
  'Summary',
  'Link',
  'Approved by',
  'Approved at',
  'Created by',
  'Created at',
  'Last changed',
  'Changed by',
] as const;

/** The AI policy's versions (ai-policy.ts) as CSV: approved ones by number, then drafts by id. */
export function aiPolicyCsv(versions: Iterable<PolicyVersion>, stamp: CsvStamp = NO_STAMP): string {
  const rows = [...versions].map((v) => [
    v.id,
    v.number === undefined ? '' : String(v.number),
    v.state,
    v.title,
    v.summary,
    v.link,
    v.approvedBy ?? '',
    v.approvedAt === undefined ? '' : iso(v.approvedAt),
    v.createdBy,
    iso(v.createdAt),
    iso(v.updatedAt),
    v.updatedBy,
    ...stamp.values,
  ]);
  return csvDocument([[...AI_POLICY_COLUMNS, ...stamp.columns], ...rows]);
}
