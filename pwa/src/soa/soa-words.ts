import type { SoaEntry, SoaFields } from '../../../shared/documents/registry/index.ts';
export { IMPLEMENTATION_LABELS } from '../../../shared/exports/words.ts';

/** What a control starts from when someone first decides it. */
export const UNDECIDED_DEFAULTS: SoaFields = {
  applicable: true,
  implementation: 'not-started',
  evidence: [],
  systems: [],
  risks: [],
};

/** The editable fields of an entry (without who and when), or the defaults for an undecided one. */
export function fieldsOfEntry(entry: SoaEntry | undefined): SoaFields {
  if (!entry) return UNDECIDED_DEFAULTS;
  const fields: SoaFields = {
    applicable: entry.applicable,
    implementation: entry.implementation,
    evidence: entry.evidence,
    systems: entry.systems,
    risks: entry.risks,
  };
  if (entry.justification !== undefined) fields.justification = entry.justification;
  if (entry.owner !== undefined) fields.owner = entry.owner;
  return fields;
}

/**
 * The entry's fields with a change applied; blank text is left out (the writer then removes it),
 * so clearing an owner clears it.
 */
export function withChange(fields: SoaFields, change: Partial<SoaFields>): SoaFields {
  const next: SoaFields = { ...fields, ...change };
  for (const key of ['justification', 'owner'] as const) {
    const value = next[key]?.trim();
    if (value) next[key] = value;
    else delete next[key];
  }
  return next;
}
