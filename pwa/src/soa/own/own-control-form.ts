import type { OwnControl, OwnControlFields } from '../../../../shared/documents/registry/index.ts';

/** What the own-control form edits: text as typed. */
export interface OwnControlForm {
  ref: string;
  title: string;
  source: string;
  iso27001: string;
  applicable: 'yes' | 'no';
  justification: string;
  implementation: string;
  owner: string;
  /** One link a line. */
  evidence: string;
}

export const EMPTY_OWN_CONTROL: OwnControlForm = {
  ref: '',
  title: '',
  source: '',
  iso27001: '',
  applicable: 'yes',
  justification: '',
  implementation: 'not-started',
  owner: '',
  evidence: '',
};

export function ownFormOf(control: OwnControl): OwnControlForm {
  return {
    ref: control.ref,
    title: control.title,
    source: control.source ?? '',
    iso27001: control.iso27001 ?? '',
    applicable: control.applicable ? 'yes' : 'no',
    justification: control.justification,
    implementation: control.implementation,
    owner: control.owner ?? '',
    evidence: control.evidence.join('\n'),
  };
}

/** The fields for `saveOwnControl`: blanks left out, "a.8.15" as A.8.15; the writer checks them. */
export function ownFieldsOf(form: OwnControlForm): OwnControlFields {
  const fields: OwnControlFields = {
    ref: form.ref.trim(),
    title: form.title.trim(),
    applicable: form.applicable === 'yes',
    justification: form.justification.trim(),
    implementation: form.implementation as OwnControlFields['implementation'],
    evidence: form.evidence
      .split(/\s+/)
      .map((line) => line.trim())
      .filter(Boolean),
  };
  if (form.source.trim()) fields.source = form.source.trim();
  const iso = form.iso27001.trim().replace(/^a/i, 'A');
  if (iso) fields.iso27001 = iso;
  if (form.owner.trim()) fields.owner = form.owner.trim();
  return fields;
}
