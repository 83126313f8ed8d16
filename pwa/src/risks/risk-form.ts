import type { Risk, RiskFields } from '../../../shared/documents/registry/index.ts';
import { day } from '../../../shared/assessments/index.ts';

/** What the risk dialog edits: text as typed, ratings as chosen. */
export interface RiskForm {
  systemIds: string[];
  source: string;
  description: string;
  likelihood: string;
  impact: string;
  owner: string;
  treatment: string;
  controls: string[];
  status: string;
  /** `YYYY-MM-DD` from a date input, or blank. */
  dueDate: string;
}

export const EMPTY_RISK_FORM: RiskForm = {
  systemIds: [],
  source: 'algorithmic-bias',
  description: '',
  likelihood: '3',
  impact: '3',
  owner: '',
  treatment: 'mitigate',
  controls: [],
  status: 'open',
  dueDate: '',
};

export function formOf(risk: Risk): RiskForm {
  return {
    systemIds: [...risk.systemIds],
    source: risk.source,
    description: risk.description,
    likelihood: String(risk.likelihood),
    impact: String(risk.impact),
    owner: risk.owner ?? '',
    treatment: risk.treatment,
    controls: [...risk.controls],
    status: risk.status,
    dueDate: risk.dueDate === undefined ? '' : day(risk.dueDate),
  };
}

/** A date input's day as midnight UTC, the way exports print it back (`day`). */
function dueDateOf(text: string): number | undefined {
  if (text.trim() === '') return undefined;
  const time = /^\d{4}-\d{2}-\d{2}$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : NaN;
  if (Number.isNaN(time)) throw new RangeError('due date must be a day (YYYY-MM-DD)');
  return time;
}

/**
 * The fields to hand to `saveRisk`. Only the shape is settled here (numbers, blanks left out);
 * the writer validates every value and throws, changing nothing, when one is wrong.
 */
export function fieldsOf(form: RiskForm): RiskFields {
  const fields = {
    systemIds: form.systemIds,
    source: form.source,
    description: form.description.trim(),
    likelihood: Number(form.likelihood),
    impact: Number(form.impact),
    treatment: form.treatment,
    controls: form.controls,
    status: form.status,
  } as RiskFields;
  if (form.owner.trim() !== '') fields.owner = form.owner.trim();
  const due = dueDateOf(form.dueDate);
  if (due !== undefined) fields.dueDate = due;
  return fields;
}
