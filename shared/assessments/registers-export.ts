import type { Risk, SoaEntry, StatementOfApplicability } from '../documents/registry/index.ts';
import { byCodeUnit } from '../documents/schema/values.ts';
import { csvDocument } from '../inventory/csv.ts';
import { ANNEX_A_CONTROLS, ANNEX_A_GROUPS, riskSource } from '../iso42001/index.ts';
import { riskBand, riskScore } from '../documents/registry/index.ts';
import { markdownCell } from './escape.ts';
import { gapAnalysis } from './gap-analysis.ts';
import { day } from './prefill.ts';

/**
 * The risk register (CSV) and the Statement of Applicability (CSV and Markdown) as files.
 * Deterministic: risks by id, controls in Annex A order, a fixed column order, no export time
 * unless the caller passes one. CSV is RFC 4180 with formula-safe cells (inventory/csv.ts).
 */

const LIST = '; ';
const iso = (time: number) => (time > 0 ? new Date(time).toISOString() : '');

export const RISK_COLUMNS = [
  'ID',
  'Systems',
  'System names',
  'Source',
  'Description',
  'Likelihood',
  'Impact',
  'Score',
  'Band',
  'Owner',
  'Treatment',
  'Annex A controls',
  'Status',
  'Due date',
  'Last changed',
  'Changed by',
] as const;

/** `names`: record id → name, to spell the systems out; unknown ids are left blank. */
export function riskRegisterCsv(
  risks: Iterable<Risk>,
  names: ReadonlyMap<string, string> = new Map(),
): string {
  const rows = [...risks]
    .sort((a, b) => byCodeUnit(a.id, b.id))
    .map((risk) => {
      const score = riskScore(risk.likelihood, risk.impact);
      return [
        risk.id,
        risk.systemIds.join(LIST),
        risk.systemIds.map((id) => names.get(id) ?? '').join(LIST),
        riskSource(risk.source)?.label ?? risk.source,
        risk.description,
        String(risk.likelihood),
        String(risk.impact),
        String(score),
        riskBand(score),
        risk.owner ?? '',
        risk.treatment,
        risk.controls.join(LIST),
        risk.status,
        risk.dueDate === undefined ? '' : day(risk.dueDate),
        iso(risk.updatedAt),
        risk.updatedBy,
      ];
    });
  return csvDocument([[...RISK_COLUMNS], ...rows]);
}

export const SOA_COLUMNS = [
  'Control',
  'Title',
  'Clause group',
  'Applicable',
  'Justification',
  'Implementation',
  'Owner',
  'Evidence',
  'Systems',
  'Risks',
  'Last changed',
  'Changed by',
] as const;

const applicability = (entry: SoaEntry | undefined) =>
  entry === undefined ? 'undecided' : entry.applicable ? 'yes' : 'no';

/** All 38 Annex A controls, one row each, undecided ones included. */
export function soaCsv(soa: StatementOfApplicability): string {
  const rows = ANNEX_A_CONTROLS.map((control) => {
    const entry = soa.entries.get(control.id);
    const group = ANNEX_A_GROUPS.find((g) => g.id === control.group)!;
    return [
      control.id,
      control.title,
      `${group.id} ${group.title}`,
      applicability(entry),
      entry?.justification ?? '',
      entry?.implementation ?? '',
      entry?.owner ?? '',
      entry?.evidence.join(LIST) ?? '',
      entry?.systems.join(LIST) ?? '',
      entry?.risks.join(LIST) ?? '',
      entry ? iso(entry.updatedAt) : '',
      entry?.updatedBy ?? '',
    ];
  });
  return csvDocument([[...SOA_COLUMNS], ...rows]);
}

/** The SoA as Markdown: readiness per clause group, then every control by group. */
export function soaMarkdown(
  soa: StatementOfApplicability,
  options: { workspaceName?: string; at?: number } = {},
): string {
  const { groups, overall } = gapAnalysis(soa);
  const lines = ['# Statement of Applicability', ''];
  if (options.workspaceName) lines.push(`Organisation: ${markdownCell(options.workspaceName)}  `);
  if (options.at !== undefined) lines.push(`Date: ${day(options.at)}  `);
  lines.push(
    'Controls: ISO/IEC 42001:2023 Annex A (A.2–A.10)',
    '',
    '## Annex A readiness',
    '',
    '| Clause group | Controls | Applicable | Not applicable | Undecided | Implemented | Partial | Not started | Readiness |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const g of [...groups, overall]) {
    const name = g.group === 'all' ? `**${g.title}**` : `${g.group} ${g.title}`;
    lines.push(
      `| ${name} | ${g.controls} | ${g.applicable} | ${g.notApplicable} | ${g.undecided} | ${g.implemented} | ${g.partial} | ${g.notStarted} | ${g.readiness} % |`,
    );
  }
  for (const group of ANNEX_A_GROUPS) {
    lines.push(
      '',
      `## ${group.id} ${group.title}`,
      '',
      '| Control | Applicable | Implementation | Owner | Justification | Evidence | Systems | Risks |',
      '|---|---|---|---|---|---|---|---|',
    );
    for (const control of ANNEX_A_CONTROLS.filter((c) => c.group === group.id)) {
      const e = soa.entries.get(control.id);
      const cells = [
        `${control.id} ${control.title}`,
        applicability(e),
        e?.implementation ?? '',
        markdownCell(e?.owner ?? ''),
        markdownCell(
          e?.justification ?? (e?.applicable ? 'missing (6.1.3: justify inclusion)' : ''),
        ),
        (e?.evidence ?? []).map(markdownCell).join(', '),
        (e?.systems ?? []).map(markdownCell).join(', '),
        (e?.risks ?? []).map(markdownCell).join(', '),
      ];
      lines.push(`| ${cells.join(' | ')} |`);
    }
  }
  return lines.join('\n') + '\n';
}
