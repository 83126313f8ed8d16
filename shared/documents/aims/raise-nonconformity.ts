import type * as Y from 'yjs';
import { topMap } from '../schema/read.ts';
import { AIMS_FINDINGS, NONCONFORMITY_FINDINGS } from './audit-registers.ts';
import { checkValues, type EntryValues } from './fields.ts';
import { AIMS_NONCONFORMITIES, type RegisterSpec } from './registers.ts';
import { checkRules } from './rules.ts';

const MAX_TITLE = 200;

/**
 * AUD4: a finding that is a nonconformity is held in the 10.2 register, one source of truth for
 * its correction and corrective action. When such a finding is saved without a link, this is the
 * nonconformity to raise for it (found by internal audit, on the finding's day, open), already
 * checked; undefined when there is nothing to raise. Its id follows the finding's, so two leads
 * saving the same finding offline raise the same entry, not two.
 */
export function raisedNonconformity(
  doc: Y.Doc,
  register: RegisterSpec,
  findingId: string,
  finding: EntryValues,
): { register: RegisterSpec; id: string; values?: EntryValues } | undefined {
  if (register.id !== AIMS_FINDINGS.id) return undefined;
  if (!NONCONFORMITY_FINDINGS.has(String(finding.kind))) return undefined;
  if (Array.isArray(finding.nonconformityIds) && finding.nonconformityIds.length > 0) {
    return undefined;
  }
  const id = `nc-${findingId}`.slice(0, 64);
  const existing = topMap(doc, AIMS_NONCONFORMITIES.id, [])?.get(id);
  const values: EntryValues = {
    title: String(finding.title).slice(0, MAX_TITLE),
    source: 'internal-audit',
    status: 'open',
  };
  if (typeof finding.foundAt === 'number') values.foundAt = finding.foundAt;
  checkValues(AIMS_NONCONFORMITIES.fields, values);
  checkRules(AIMS_NONCONFORMITIES, values);
  // Raised before (the link was removed since): link it again, leaving its content as it is.
  if (existing !== undefined) return { register: AIMS_NONCONFORMITIES, id };
  return { register: AIMS_NONCONFORMITIES, id, values };
}
