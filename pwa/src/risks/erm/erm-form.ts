import { ERM_TEXT_FIELDS, type RiskErm } from '../../../../shared/documents/registry/index.ts';

/** What the risk dialog's ERM part edits: text as typed, ratings as chosen ('' for none). */
export interface ErmForm {
  residualLikelihood: string;
  residualImpact: string;
  consequenceOrganisation: string;
  consequenceIndividuals: string;
  consequenceSociety: string;
  ermCategory: string;
  ermReference: string;
}

export function ermFormOf(erm: RiskErm | undefined): ErmForm {
  return {
    residualLikelihood: erm?.residualLikelihood === undefined ? '' : String(erm.residualLikelihood),
    residualImpact: erm?.residualImpact === undefined ? '' : String(erm.residualImpact),
    consequenceOrganisation: erm?.consequenceOrganisation ?? '',
    consequenceIndividuals: erm?.consequenceIndividuals ?? '',
    consequenceSociety: erm?.consequenceSociety ?? '',
    ermCategory: erm?.ermCategory ?? '',
    ermReference: erm?.ermReference ?? '',
  };
}

/** The fields to hand to `saveRiskErm`: blanks left out; the writer checks every value. */
export function ermFieldsOf(form: ErmForm): RiskErm {
  const erm: RiskErm = {};
  if (form.residualLikelihood !== '') erm.residualLikelihood = Number(form.residualLikelihood);
  if (form.residualImpact !== '') erm.residualImpact = Number(form.residualImpact);
  for (const key of ERM_TEXT_FIELDS) if (form[key].trim() !== '') erm[key] = form[key].trim();
  return erm;
}
