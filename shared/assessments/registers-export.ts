import type { OwnControl, Risk, StatementOfApplicability } from '../documents/registry/index.ts';
import { byCodeUnit } from '../documents/schema/values.ts';
import { csvDocument } from '../inventory/csv.ts';
import { ANNEX_A_CONTROLS, ANNEX_A_GROUPS, annexAControl, riskSource } from '../iso42001/index.ts';
import { riskBand, riskScore } from '../documents/registry/index.ts';
import {
  IMPLEMENTATION_LABELS,
  labelOf,
  RISK_STATUS_LABELS,
  TREATMENT_LABELS,
} from '../exports/words.ts';
import { markdownCell } from './escape.ts';
import { ownControlCsvRows, ownControlMarkdown } from './own-controls-export.ts';
import { gapAnalysis } from './gap-analysis.ts';
import { day } from './prefill.ts';
import { jsonProvenanceOf, provenanceRows, type ExportProvenance } from './provenance.ts';
import { soaView, type SoaViewEntry } from './soa-view.ts';

/**
 * The risk register (CSV) and the Statement of Applicability (CSV and Markdown) as files.
 * Deterministic: risks by description, controls in Annex A order, a fixed column order, the
 * time of export only in the provenance the caller passes. Values in the reader's words, systems
 * and risks by name (their ids in columns of their own); the SoA is the one the SoA page shows
 * (soa-view.ts: the risks' controls included). CSV is RFC 4180 with formula-safe cells.
 */

const LIST = '; ';
const iso = (time: number) => (time > 0 ? new Date(time).toISOString() : '');
export const PROVENANCE_COLUMNS = provenanceRows({
  organisation: '',
  workspace: '',
  exportedBy: '',
  exportedAt: 0,
  documentState: '',
}).map(([label]) => label);
export const stamp = (p: ExportProvenance | undefined) =>
  p ? provenanceRows(p).map(([, value]) => value) : [];

export interface RegisterNames {
  /** Record id → system name. */
  systems?: ReadonlyMap<string, string>;
  /** Risk id → its description. */
  risks?: ReadonlyMap<string, string>;
}

export const controlWords = (id: string) => {
  const control = annexAControl(id);
  return control ? `${control.id} ${control.title}` : id;
};
/** Controls in Annex A order (A.2.2 … A.10.4), not in the order of their ids as text. */
export const inAnnexOrder = (ids: readonly string[]) => {
  const rank = (id: string) => ANNEX_A_CONTROLS.findIndex((c) => c.id === id);
  return [...ids].sort((a, b) => rank(a) - rank(b));
};

export const RISK_COLUMNS = [
  'Risk',
  'Systems',
  'Source',
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
  'Risk ID',
  'System IDs',
] as const;

/** The register's risks, by description then id; `names` spells systems out. */
export function riskRegisterCsv(
  risks: Iterable<Risk>,
  names: ReadonlyMap<string, string> = new Map(),
  options: { provenance?: ExportProvenance } = {},
): string {
  const rows = [...risks]
    .sort((a, b) => byCodeUnit(a.description, b.description) || byCodeUnit(a.id, b.id))
    .map((risk) => {
      const score = riskScore(risk.likelihood, risk.impact);
      return [
        risk.description,
        risk.systemIds.map((id) => names.get(id) ?? `unknown system ${id}`).join(LIST),
        riskSource(risk.source)?.label ?? risk.source,
        String(risk.likelihood),
        String(risk.impact),
        String(score),
        riskBand(score),
        risk.owner ?? '',
        labelOf(TREATMENT_LABELS, risk.treatment),
        inAnnexOrder(risk.controls).map(controlWords).join(LIST),
        labelOf(RISK_STATUS_LABELS, risk.status),
        risk.dueDate === undefined ? '' : day(risk.dueDate),
        iso(risk.updatedAt),
        risk.updatedBy,
        risk.id,
        risk.systemIds.join(LIST),
        ...stamp(options.provenance),
      ];
    });
  return csvDocument([
    [...RISK_COLUMNS, ...(options.provenance ? PROVENANCE_COLUMNS : [])],
    ...rows,
  ]);
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
  'Included for risks',
  'Last changed',
  'Changed by',
] as const;

function applicability(entry: SoaViewEntry | undefined): string {
  if (!entry) return 'Undecided';
  if (entry.fromRisks) return 'Yes (a risk’s treatment names it)';
  if (entry.conflict) return 'No, but a risk’s treatment names it';
  return entry.applicable ? 'Yes' : 'No';
}

/** Not applicable controls are exported as such, never as "not started". */
const implementation = (entry: SoaViewEntry | undefined) =>
  !entry ? '' : !entry.applicable ? 'Not applicable' : IMPLEMENTATION_LABELS[entry.implementation];

const named = (ids: readonly string[], names: ReadonlyMap<string, string> | undefined) =>
  ids.map((id) => names?.get(id) ?? id);

export interface SoaExportOptions {
  /** The register's risks: their controls are included with the risk as the reason. */
  risks?: Iterable<Risk>;
  names?: RegisterNames;
  provenance?: ExportProvenance;
  /** The organisation's own controls (SOA1), exported after Annex A. */
  ownControls?: readonly OwnControl[];
}

/** All 38 Annex A controls, one row each, undecided ones included. */
export function soaCsv(soa: StatementOfApplicability, options: SoaExportOptions = {}): string {
  const view = soaView(soa, options.risks ?? []);
  const rows = ANNEX_A_CONTROLS.map((control) => {
    const entry = view.entries.get(control.id);
    const group = ANNEX_A_GROUPS.find((g) => g.id === control.group)!;
    return [
      control.id,
      control.title,
      `${group.id} ${group.title}`,
      applicability(entry),
      entry?.justification ?? '',
      implementation(entry),
      entry?.owner ?? '',
      entry?.evidence.join(LIST) ?? '',
      named(entry?.systems ?? [], options.names?.systems).join(LIST),
      named(entry?.risks ?? [], options.names?.risks).join(LIST),
      named(entry?.riskReasons ?? [], options.names?.risks).join(LIST),
      entry ? iso(entry.updatedAt) : '',
      entry?.updatedBy ?? '',
      ...stamp(options.provenance),
    ];
  });
  return csvDocument([
    [...SOA_COLUMNS, ...(options.provenance ? PROVENANCE_COLUMNS : [])],
    ...rows,
    ...ownControlCsvRows(options.ownControls ?? [], stamp(options.provenance)),
  ]);
}

/** The SoA as Markdown: readiness per clause group, then every control by group. */
export function soaMarkdown(
  soa: StatementOfApplicability,
  options: SoaExportOptions & { workspaceName?: string; at?: number } = {},
): string {
  const view = soaView(soa, options.risks ?? []);
  const { groups, overall } = gapAnalysis(view);
  const lines = ['# Statement of Applicability', ''];
  if (options.provenance) {
    for (const [label, value] of provenanceRows(options.provenance)) {
      lines.push(`${label}: ${markdownCell(value)}  `);
    }
  } else {
    if (options.workspaceName) lines.push(`Organisation: ${markdownCell(options.workspaceName)}  `);
    if (options.at !== undefined) lines.push(`Date: ${day(options.at)}  `);
  }
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
      const e = view.entries.get(control.id);
      const cells = [
        `${control.id} ${control.title}`,
        applicability(e),
        implementation(e),
        markdownCell(e?.owner ?? ''),
        markdownCell(
          e?.justification ??
            (!e?.applicable
              ? ''
              : e.riskReasons.length > 0
                ? 'a risk’s treatment names it'
                : 'missing (6.1.3: justify inclusion)'),
        ),
        (e?.evidence ?? []).map(markdownCell).join(', '),
        named(e?.systems ?? [], options.names?.systems)
          .map(markdownCell)
          .join(', '),
        named(e?.risks ?? [], options.names?.risks)
          .map(markdownCell)
          .join(', '),
      ];
      lines.push(`| ${cells.join(' | ')} |`);
    }
  }
  lines.push(...ownControlMarkdown(options.ownControls ?? []));
  return lines.join('\n') + '\n';
}

const json = (body: Record<string, unknown>) => JSON.stringify(body, null, 2) + '\n';

/** The risks as JSON, in the CSV's order, with the same words and the ids beside them. */
export function riskRegisterJson(
  risks: Iterable<Risk>,
  names: ReadonlyMap<string, string> = new Map(),
  options: { provenance?: ExportProvenance } = {},
): string {
  return json({
    format: 'sightline-risk-register',
    version: 1,
    exported: jsonProvenanceOf(options.provenance),
    risks: [...risks]
      .sort((a, b) => byCodeUnit(a.description, b.description) || byCodeUnit(a.id, b.id))
      .map((risk) => {
        const score = riskScore(risk.likelihood, risk.impact);
        return {
          id: risk.id,
          description: risk.description,
          systems: risk.systemIds.map((id) => ({ id, name: names.get(id) ?? null })),
          source: riskSource(risk.source)?.label ?? risk.source,
          likelihood: risk.likelihood,
          impact: risk.impact,
          score,
          band: riskBand(score),
          owner: risk.owner ?? null,
          treatment: labelOf(TREATMENT_LABELS, risk.treatment),
          controls: inAnnexOrder(risk.controls).map((id) => ({
            id,
            title: annexAControl(id)?.title ?? null,
          })),
          status: labelOf(RISK_STATUS_LABELS, risk.status),
          dueDate: risk.dueDate === undefined ? null : day(risk.dueDate),
          updatedAt: iso(risk.updatedAt),
          updatedBy: risk.updatedBy,
        };
      }),
  });
}

/** The SoA as JSON: the readiness, then all 38 controls as the CSV shows them. */
export function soaJson(soa: StatementOfApplicability, options: SoaExportOptions = {}): string {
  const view = soaView(soa, options.risks ?? []);
  const ids = (list: readonly string[], names: ReadonlyMap<string, string> | undefined) =>
    list.map((id) => ({ id, name: names?.get(id) ?? null }));
  return json({
    format: 'sightline-statement-of-applicability',
    version: 1,
    exported: jsonProvenanceOf(options.provenance),
    readiness: gapAnalysis(view),
    controls: ANNEX_A_CONTROLS.map((control) => {
      const e = view.entries.get(control.id);
      return {
        id: control.id,
        title: control.title,
        group: control.group,
        applicable: applicability(e),
        implementation: implementation(e) || null,
        justification: e?.justification ?? null,
        owner: e?.owner ?? null,
        evidence: e?.evidence ?? [],
        systems: ids(e?.systems ?? [], options.names?.systems),
        risks: ids(e?.risks ?? [], options.names?.risks),
        includedForRisks: ids(e?.riskReasons ?? [], options.names?.risks),
        updatedAt: e && e.updatedAt > 0 ? iso(e.updatedAt) : null,
        updatedBy: e?.updatedBy || null,
      };
    }),
  });
}
