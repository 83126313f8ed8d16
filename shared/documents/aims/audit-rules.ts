import { personKey } from '../registry/people.ts';
import type { AimsEntry } from './entries.ts';
import type { EntryValues } from './fields.ts';
import { AIMS_AUDITS, AIMS_FINDINGS, NONCONFORMITY_FINDINGS } from './audit-registers.ts';
import { AIMS_ROLES, type RegisterSpec } from './registers.ts';

/**
 * What the audit rules read besides the entry being saved: the other registers' entries as read
 * (without trust) and the owner of an inventory record. Built by the writer (entries.ts).
 */
export interface RuleContext {
  entries(register: RegisterSpec): readonly AimsEntry[];
  recordOwner(recordId: string): string | undefined;
}

const same = (a: string, b: string) => personKey(a) === personKey(b);
const list = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);

/**
 * AUD1 An auditor does not audit their own area: they are not one of the people of a role the
 * audit covers, nor the owner of a system it covers (9.2.2: objectivity and impartiality).
 * Returns why not, or undefined when the auditor is independent of everything in scope.
 */
export function auditorConflict(values: EntryValues, context: RuleContext): string | undefined {
  const auditor = typeof values.auditor === 'string' ? values.auditor.trim() : '';
  if (auditor === '') return undefined;
  const roles = new Map(context.entries(AIMS_ROLES).map((r) => [r.id, r]));
  for (const roleId of list(values.areaRoleIds)) {
    const role = roles.get(roleId);
    if (role && list(role.values.people).some((person) => same(person, auditor))) {
      return `${auditor} is in ${String(role.values.title)}, an area this audit covers`;
    }
  }
  for (const recordId of list(values.systemIds)) {
    const owner = context.recordOwner(recordId);
    if (owner !== undefined && same(owner, auditor)) {
      return `${auditor} owns a system this audit covers`;
    }
  }
  return undefined;
}

/**
 * The audit rules a writer keeps (docs/management-system.md):
 * - AUD1 the auditor is independent of what the audit covers (auditorConflict);
 * - AUD2 an audit is done only with the day it was held and its conclusion;
 * - AUD3 a finding belongs to exactly one audit of the programme;
 * - AUD5 a finding names a requirement the audit covers (when the audit lists its requirements).
 * AUD4 (a nonconformity finding links an entry of the 10.2 register) is kept by the writer, which
 * raises the nonconformity when there is none yet (entries.ts).
 */
export function checkAuditRules(
  register: RegisterSpec,
  values: EntryValues,
  context: RuleContext,
): void {
  if (register.id === AIMS_AUDITS.id) {
    const conflict = auditorConflict(values, context);
    if (conflict !== undefined) {
      throw new RangeError(`an auditor may not audit their own area: ${conflict}`);
    }
    const conclusion = typeof values.conclusion === 'string' ? values.conclusion.trim() : '';
    if (values.status === 'done' && (values.heldAt === undefined || conclusion === '')) {
      throw new RangeError('an audit is done only with the day it was held and its conclusion');
    }
    return;
  }
  if (register.id !== AIMS_FINDINGS.id) return;
  const [auditId, more] = list(values.auditIds);
  const audit = context.entries(AIMS_AUDITS).find((entry) => entry.id === auditId);
  if (auditId === undefined || more !== undefined || audit === undefined) {
    throw new RangeError('a finding belongs to one audit of the programme');
  }
  const covered = list(audit.values.requirements);
  const outside = list(values.requirements).filter((ref) => !covered.includes(ref));
  if (covered.length > 0 && outside.length > 0) {
    throw new RangeError(`${outside.join(', ')} is not among the requirements this audit covers`);
  }
  if (!NONCONFORMITY_FINDINGS.has(String(values.kind)) && list(values.nonconformityIds).length) {
    throw new RangeError('only a nonconformity finding links to the nonconformity register');
  }
}
