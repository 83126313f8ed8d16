import { iso27001Item } from './iso27001.ts';

/**
 * Reads an organisation's ISO/IEC 27001:2022 Statement of Applicability from a sheet's rows
 * (readSheet: CSV or XLSX) — rule X27-2 (docs/management-system.md). Lenient about the shape:
 * the header row may follow title rows, columns are found by the words SoA templates use, an id
 * may carry its title ("A.5.1 Policies for information security"), and values are read in the
 * words templates use (Yes/No, Implemented/Partial/Planned/Not applicable). Strict about meaning:
 * an id that is not a 2022 control, a 2013 id, a duplicate, or a value it cannot read is an error
 * naming the row, and the whole file is refused (the caller writes nothing).
 */

export const IMPLEMENTATION_STATES = [
  'implemented',
  'partial',
  'not-implemented',
  'unknown',
] as const;
export type ImplementationState = (typeof IMPLEMENTATION_STATES)[number];

export interface IsmsSoaRow {
  /** `A.5.1` or a clause (`9.2`). */
  id: string;
  /** Undefined when the file does not say. */
  applicable?: boolean;
  implementation: ImplementationState;
  justification?: string;
  /** The documents, links or notes the file gives as evidence. */
  evidence?: string;
  owner?: string;
}

export type SoaField =
  'id' | 'title' | 'applicable' | 'status' | 'justification' | 'evidence' | 'owner';

export type SoaImport =
  | { ok: true; rows: IsmsSoaRow[]; columns: Partial<Record<SoaField, string>>; skipped: number }
  | { ok: false; errors: string[] };

const MAX_ROWS = 2000;
const MAX_TEXT = 2000;
const MAX_ERRORS = 20;
const HEADER_SCAN = 20;

/** Lower case, accents and punctuation gone, spaces collapsed: how headers and values compare. */
export const fold = (text: string) =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

// prettier-ignore
const HEADER_WORDS: Record<SoaField, readonly string[]> = {
  id: ['control', 'control id', 'control no', 'control number', 'control ref', 'control reference',
    'reference', 'ref', 'annex a control', 'annex a reference', 'annex a', 'iso 27001 control',
    'iso 27001 2022 control', 'iso iec 27001 2022 control', 'clause', 'id', 'no', 'number', 'section',
    'control identifier'],
  title: ['title', 'control title', 'control name', 'name', 'control description', 'description'],
  applicable: ['applicable', 'applicability', 'applicable yes no', 'applicable y n', 'included',
    'selected', 'in scope', 'is applicable', 'applies', 'inclusion'],
  status: ['status', 'implementation status', 'implemented', 'implementation', 'implementation state',
    'control status', 'state', 'current status'],
  justification: ['justification', 'justification for inclusion', 'justification for exclusion',
    'justification for inclusion exclusion', 'justification for inclusion or exclusion', 'reason',
    'rationale', 'justification implementation', 'reason for selection', 'reason for inclusion exclusion'],
  evidence: ['evidence', 'related documents', 'documents', 'reference documents', 'policy', 'policies',
    'supporting documents', 'documentation', 'link', 'evidence link', 'how implemented',
    'implementation details', 'implementation notes', 'notes', 'comments', 'control implementation'],
  owner: ['owner', 'control owner', 'responsible', 'responsibility', 'accountable'],
};

// prettier-ignore
const YES = new Set(['yes', 'y', 'true', '1', 'x', 'applicable', 'included', 'selected', 'in scope', 'ja', 'oui']);
// prettier-ignore
const NO = new Set(['no', 'n', 'false', '0', 'not applicable', 'n a', 'na', 'excluded', 'not selected', 'out of scope', 'nee', 'nein', 'non']);
// prettier-ignore
const STATUS_WORDS: Record<Exclude<ImplementationState, 'unknown'> | 'not-applicable', readonly string[]> = {
  implemented: ['implemented', 'fully implemented', 'yes', 'done', 'complete', 'completed', 'in place',
    'operational', 'effective', 'live', 'compliant'],
  partial: ['partial', 'partially implemented', 'partially', 'in progress', 'ongoing',
    'under implementation', 'partially compliant', 'mitigating'],
  'not-implemented': ['not implemented', 'planned', 'not started', 'no', 'open', 'to do', 'todo', 'gap',
    'missing', 'not compliant', 'non compliant'],
  'not-applicable': ['not applicable', 'n a', 'na', 'excluded'],
};

function findColumns(header: readonly string[]): Partial<Record<SoaField, number>> {
  const columns: Partial<Record<SoaField, number>> = {};
  const folded = header.map(fold);
  for (const field of Object.keys(HEADER_WORDS) as SoaField[]) {
    const index = folded.findIndex(
      (cell, i) => HEADER_WORDS[field].includes(cell) && !Object.values(columns).includes(i),
    );
    if (index >= 0) columns[field] = index;
  }
  return columns;
}

type ParsedId = { id: string } | { error: string } | { skip: true };

/** `A.5.1`, `A5.1`, `5.1`, `Annex A 5.1`, `A.5.1 Policies…`, `Clause 9.2` → a 2022 id. */
export function parseControlId(cell: string): ParsedId {
  const text = cell.trim();
  if (text === '') return { skip: true };
  const match =
    /^(clause\s*)?(annex\s*)?(a\s*\.?\s*)?(\d{1,2}(?:\s*\.\s*\d{1,2}){0,3})(?=$|[\s:–—-])/i.exec(
      text,
    );
  if (!match) return { skip: true }; // a heading row ("Organizational controls"), not a control
  const parts = match[4]!.split('.').map((part) => Number(part.trim()));
  const clause = Boolean(match[1]);
  const annexA = Boolean(match[3]) || Boolean(match[2]);
  if (parts.length === 1) return { skip: true }; // a theme heading ("A.5", "5")
  if (annexA && (parts.length > 2 || parts[0]! > 8)) {
    return {
      error: `"${text.slice(0, 40)}" is an ISO/IEC 27001:2013 control number; map the SoA to the 2022 controls first`,
    };
  }
  const number = parts.join('.');
  // A bare number 5.x–8.x in an SoA is an Annex A control; clauses are 4–10 or say "Clause".
  const id =
    !clause && (annexA || (parts.length === 2 && parts[0]! >= 5 && parts[0]! <= 8))
      ? `A.${number}`
      : number;
  if (!iso27001Item(id)) {
    return { error: `"${text.slice(0, 40)}" is not an ISO/IEC 27001:2022 clause or control` };
  }
  return { id };
}

const clip = (text: string) => (text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text);

/** Reads the rows; see the module comment. */
export function parseIsmsSoa(rows: readonly (readonly string[])[]): SoaImport {
  const headerIndex = rows
    .slice(0, HEADER_SCAN)
    .findIndex((row) => findColumns(row).id !== undefined);
  if (headerIndex < 0) {
    const seen = (rows[0] ?? []).filter((cell) => cell.trim() !== '').slice(0, 12);
    return {
      ok: false,
      errors: [
        `No column names the control (looked for ${HEADER_WORDS.id
          .slice(0, 6)
          .map((w) => `"${w}"`)
          .join(', ')}… in the first ${HEADER_SCAN} rows; the first row has ${
          seen.length ? seen.map((c) => `"${c.slice(0, 30)}"`).join(', ') : 'nothing'
        }).`,
      ],
    };
  }
  const header = rows[headerIndex]!;
  const at = findColumns(header);
  const errors: string[] = [];
  const found: IsmsSoaRow[] = [];
  const seen = new Map<string, number>();
  let skipped = 0;
  const body = rows.slice(headerIndex + 1);
  if (body.length > MAX_ROWS) return { ok: false, errors: [`More than ${MAX_ROWS} rows.`] };
  body.forEach((row, i) => {
    const line = headerIndex + i + 2; // as a spreadsheet numbers it
    const cell = (field: SoaField) =>
      at[field] === undefined ? '' : (row[at[field]!] ?? '').trim();
    const parsed = parseControlId(cell('id'));
    if ('skip' in parsed) {
      if (row.some((c) => c.trim() !== '')) skipped++;
      return;
    }
    if ('error' in parsed) return void errors.push(`Row ${line}: ${parsed.error}.`);
    const { id } = parsed;
    if (seen.has(id)) {
      return void errors.push(`Row ${line}: ${id} is listed twice (also row ${seen.get(id)}).`);
    }
    seen.set(id, line);
    let applicable: boolean | undefined;
    const applicableText = fold(cell('applicable'));
    if (applicableText !== '') {
      if (YES.has(applicableText)) applicable = true;
      else if (NO.has(applicableText)) applicable = false;
      else
        return void errors.push(
          `Row ${line}: applicable "${cell('applicable').slice(0, 40)}" is neither yes nor no.`,
        );
    }
    let implementation: ImplementationState = 'unknown';
    const statusText = fold(cell('status'));
    if (statusText !== '') {
      const state = (Object.keys(STATUS_WORDS) as Array<keyof typeof STATUS_WORDS>).find((key) =>
        STATUS_WORDS[key].includes(statusText),
      );
      if (!state) {
        return void errors.push(
          `Row ${line}: status "${cell('status').slice(0, 40)}" is not one of implemented, partial, planned / not implemented, not applicable.`,
        );
      }
      if (state === 'not-applicable') {
        if (applicable === true) {
          return void errors.push(`Row ${line}: applicable says yes, status says not applicable.`);
        }
        applicable = false;
      } else implementation = state;
    }
    if (applicable === undefined && implementation !== 'unknown') applicable = true;
    const entry: IsmsSoaRow = { id, implementation };
    if (applicable !== undefined) entry.applicable = applicable;
    for (const field of ['justification', 'evidence', 'owner'] as const) {
      const text = cell(field);
      if (text !== '') entry[field] = clip(text);
    }
    found.push(entry);
  });
  if (errors.length > 0) {
    const more = errors.length > MAX_ERRORS ? [`… and ${errors.length - MAX_ERRORS} more.`] : [];
    return { ok: false, errors: [...errors.slice(0, MAX_ERRORS), ...more] };
  }
  if (found.length === 0) {
    return { ok: false, errors: ['The file lists no ISO/IEC 27001:2022 control.'] };
  }
  const columns: Partial<Record<SoaField, string>> = {};
  for (const [field, index] of Object.entries(at)) columns[field as SoaField] = header[index]!;
  return { ok: true, rows: found, columns, skipped };
}
