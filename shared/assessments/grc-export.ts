import type { Risk, RiskErm } from '../documents/registry/index.ts';
import { riskBand, riskScores } from '../documents/registry/index.ts';
import { byCodeUnit } from '../documents/schema/values.ts';
import { labelOf, RISK_STATUS_LABELS, TREATMENT_LABELS } from '../exports/words.ts';
import { csvDocument } from '../inventory/csv.ts';
import { riskSource } from '../iso42001/index.ts';
import { day } from './prefill.ts';
import type { ExportProvenance } from './provenance.ts';
import { controlWords, inAnnexOrder, PROVENANCE_COLUMNS, stamp } from './registers-export.ts';

/**
 * The AI risk register as an enterprise risk register import (ERM3, docs/assessments.md): one row
 * per risk, one column per field, named as GRC tools name them. The shape follows the risk fields
 * of ServiceNow GRC Risk Management (inherent and residual assessment, category, response, owner:
 * servicenow.com/docs, "Residual Assessment form" and "Risk register in the Risk Workspace",
 * release Australia, read 2026-12-07) and Salesforce's Risk data model object (Category,
 * InherentRiskScore, ResidualRiskScore, ConsequenceTxt: developer.salesforce.com, "Risk DMO",
 * read 2026-12-07). A GRC import maps columns by name, so every column is always present, in this
 * order; an empty cell is a value not given (a residual rating not made yet is empty, never 0).
 */
export const GRC_COLUMNS = [
  'Sightline risk ID',
  'ERM reference',
  'Risk title',
  'Description',
  'ERM category',
  'Risk source',
  'AI systems',
  'Risk owner',
  'Inherent likelihood',
  'Inherent impact',
  'Inherent score',
  'Inherent rating',
  'Residual likelihood',
  'Residual impact',
  'Residual score',
  'Residual rating',
  'Response',
  'Controls',
  'Consequences for the organisation',
  'Consequences for individuals',
  'Consequences for society',
  'State',
  'Due date',
  'Last updated',
  'Updated by',
  'AI system IDs',
] as const;

const LIST = '; ';
const MAX_TITLE = 100;
const RATING_WORDS = { low: 'Low', medium: 'Medium', high: 'High', critical: 'Critical' };

/** The first line of the description, clipped: GRC tools want a short name beside the text. */
export function riskTitle(description: string): string {
  const line = description.trim().split(/\r?\n/, 1)[0] ?? '';
  return line.length > MAX_TITLE ? `${line.slice(0, MAX_TITLE - 1)}…` : line;
}

/** The GRC CSV: risks by description, then id; systems by name (ids in the last column). */
export function riskRegisterGrcCsv(
  risks: Iterable<Risk>,
  erm: ReadonlyMap<string, RiskErm>,
  names: ReadonlyMap<string, string> = new Map(),
  options: { provenance?: ExportProvenance } = {},
): string {
  const rows = [...risks]
    .sort((a, b) => byCodeUnit(a.description, b.description) || byCodeUnit(a.id, b.id))
    .map((risk) => {
      const own = erm.get(risk.id) ?? {};
      const { inherent, residual } = riskScores(risk, own);
      return [
        risk.id,
        own.ermReference ?? '',
        riskTitle(risk.description),
        risk.description,
        own.ermCategory ?? '',
        riskSource(risk.source)?.label ?? risk.source,
        risk.systemIds.map((id) => names.get(id) ?? `unknown system ${id}`).join(LIST),
        risk.owner ?? '',
        String(risk.likelihood),
        String(risk.impact),
        String(inherent),
        RATING_WORDS[riskBand(inherent)],
        own.residualLikelihood === undefined ? '' : String(own.residualLikelihood),
        own.residualImpact === undefined ? '' : String(own.residualImpact),
        residual === undefined ? '' : String(residual),
        residual === undefined ? '' : RATING_WORDS[riskBand(residual)],
        labelOf(TREATMENT_LABELS, risk.treatment),
        inAnnexOrder(risk.controls).map(controlWords).join(LIST),
        own.consequenceOrganisation ?? '',
        own.consequenceIndividuals ?? '',
        own.consequenceSociety ?? '',
        labelOf(RISK_STATUS_LABELS, risk.status),
        risk.dueDate === undefined ? '' : day(risk.dueDate),
        risk.updatedAt > 0 ? new Date(risk.updatedAt).toISOString() : '',
        risk.updatedBy,
        risk.systemIds.join(LIST),
        ...stamp(options.provenance),
      ];
    });
  return csvDocument([
    [...GRC_COLUMNS, ...(options.provenance ? PROVENANCE_COLUMNS : [])],
    ...rows,
  ]);
}
