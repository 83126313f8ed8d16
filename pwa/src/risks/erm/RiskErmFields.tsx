import {
  ERM_CATEGORY_SUGGESTIONS,
  riskBand,
  riskScore,
} from '../../../../shared/documents/registry/index.ts';
import type { ErmForm } from './erm-form.ts';

interface Props {
  form: ErmForm;
  /** The inherent rating as the dialog holds it now. */
  likelihood: number;
  impact: number;
  onChange(next: ErmForm): void;
}

const RATINGS = ['1', '2', '3', '4', '5'];

/**
 * The risk dialog's enterprise-risk part (ERM1): the rating after treatment beside the inherent
 * one, the consequences for the organisation, individuals and society, and how the
 * organisation's ERM system files the risk.
 */
export function RiskErmFields({ form, likelihood, impact, onChange }: Props) {
  const set = (key: keyof ErmForm) => ({
    value: form[key],
    onChange: (event: { target: { value: string } }) =>
      onChange({ ...form, [key]: event.target.value }),
  });
  const inherent = riskScore(likelihood, impact);
  const residual =
    form.residualLikelihood && form.residualImpact
      ? riskScore(Number(form.residualLikelihood), Number(form.residualImpact))
      : undefined;
  return (
    <fieldset className="risk-erm">
      <legend>Enterprise risk register</legend>
      <p className="muted">
        Likelihood and impact above are the inherent rating (before treatment): score {inherent},{' '}
        {riskBand(inherent)}. Residual:{' '}
        {residual === undefined
          ? 'not rated yet'
          : `score ${residual}, ${riskBand(residual)}${residual > inherent ? ' — above the inherent rating' : ''}`}
        .
      </p>
      <div className="risk-dialog-row">
        <RatingSelect label="Residual likelihood" {...set('residualLikelihood')} />
        <RatingSelect label="Residual impact" {...set('residualImpact')} />
      </div>
      <label>
        Consequences for the organisation
        <textarea {...set('consequenceOrganisation')} rows={2} maxLength={2000} />
      </label>
      <label>
        Consequences for individuals
        <textarea {...set('consequenceIndividuals')} rows={2} maxLength={2000} />
      </label>
      <label>
        Consequences for society
        <textarea {...set('consequenceSociety')} rows={2} maxLength={2000} />
      </label>
      <div className="risk-dialog-row">
        <label>
          ERM category
          <input {...set('ermCategory')} list="erm-categories" maxLength={100} />
          <datalist id="erm-categories">
            {ERM_CATEGORY_SUGGESTIONS.map((category) => (
              <option key={category} value={category} />
            ))}
          </datalist>
        </label>
        <label>
          ERM reference
          <input {...set('ermReference')} maxLength={100} aria-describedby="erm-reference-help" />
          <span id="erm-reference-help" className="muted small">
            The id your ERM system gives this risk.
          </span>
        </label>
      </div>
    </fieldset>
  );
}

/** A 1–5 rating, or "Not rated". */
function RatingSelect(props: {
  label: string;
  value: string;
  onChange(event: { target: { value: string } }): void;
}) {
  return (
    <label>
      {props.label}
      <select value={props.value} onChange={props.onChange}>
        <option value="">Not rated</option>
        {RATINGS.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </label>
  );
}
