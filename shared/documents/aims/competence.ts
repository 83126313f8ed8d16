import type { RegistryRecord } from '../registry/schema.ts';
import { personKey } from '../registry/people.ts';
import { isPolicyLink } from './ai-policy.ts';
import { AIMS_TRAINING } from './competence-registers.ts';
import type { AimsEntry } from './entries.ts';
import type { EntryValues } from './fields.ts';
import type { RegisterSpec } from './registers.ts';

const DAY = 86_400_000;
/** A record expiring within this many days is shown as expiring, before it lapses. */
export const EXPIRING_DAYS = 30;

/**
 * The training rules a writer keeps (docs/management-system.md):
 * - COMP1 a training record names a person of the workspace's people directory;
 * - COMP2 it has the day it was completed, and an expiry (if any) after it;
 * - COMP3 its evidence, when given, is an https link.
 */
export function checkTrainingRules(
  register: RegisterSpec,
  values: EntryValues,
  inDirectory: (name: string) => boolean,
): void {
  if (register.id !== AIMS_TRAINING.id) return;
  const person = String(values.person ?? '');
  if (!inDirectory(person)) {
    throw new RangeError(`${person.trim()} is not in the people directory: add them first`);
  }
  const { completedAt, expiresAt, evidence } = values;
  if (typeof completedAt !== 'number') throw new RangeError('Completed on is required');
  if (typeof expiresAt === 'number' && expiresAt <= completedAt) {
    throw new RangeError('a training expires after the day it was completed');
  }
  if (evidence !== undefined && !isPolicyLink(evidence)) {
    throw new RangeError('Evidence link must be an https address');
  }
}

export type TrainingStatus = 'valid' | 'expiring' | 'expired' | 'missing';

export interface CompetenceNeed {
  person: string;
  competenceId: string;
  competence: string;
  course: string;
  /** Why this person needs it: a role's title, or "named". */
  because: string;
  status: TrainingStatus;
  /** The record that meets it (the one valid longest), when there is one. */
  trainingId?: string;
  expiresAt?: number;
}

const same = (a: unknown, b: unknown) =>
  typeof a === 'string' && typeof b === 'string' && personKey(a) === personKey(b);
const list = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : []);

function statusOf(record: AimsEntry | undefined, now: number): TrainingStatus {
  if (record === undefined) return 'missing';
  const expires = record.values.expiresAt;
  if (typeof expires !== 'number') return 'valid';
  if (expires + DAY <= now) return 'expired';
  return expires - now <= EXPIRING_DAYS * DAY ? 'expiring' : 'valid';
}

/**
 * Who needs which competence (the people of the roles that need it, and the people named for
 * it) and whether a training record for its course meets it at `now`: the one source for the
 * page's matrix, the dashboard's count and the review's input. Sorted by person, competence.
 */
export function competenceNeeds(
  competences: readonly AimsEntry[],
  roles: readonly AimsEntry[],
  training: readonly AimsEntry[],
  now: number,
): CompetenceNeed[] {
  const roleById = new Map(roles.map((role) => [role.id, role]));
  const needs = new Map<string, CompetenceNeed>();
  for (const competence of competences) {
    const course = String(competence.values.course);
    const wanted: [string, string][] = [];
    for (const roleId of list(competence.values.roleIds)) {
      const role = roleById.get(roleId);
      for (const person of list(role?.values.people)) {
        wanted.push([person, String(role?.values.title)]);
      }
    }
    for (const person of list(competence.values.people)) wanted.push([person, 'named']);
    for (const [person, because] of wanted) {
      const key = `${personKey(person)}\u0000${competence.id}`;
      if (needs.has(key)) continue;
      const records = training.filter(
        (t) => same(t.values.person, person) && same(t.values.course, course),
      );
      // The record valid longest: no expiry beats any expiry, later beats earlier.
      const best = records.sort(
        (a, b) => Number(b.values.expiresAt ?? Infinity) - Number(a.values.expiresAt ?? Infinity),
      )[0];
      const need: CompetenceNeed = {
        person,
        competenceId: competence.id,
        competence: String(competence.values.title),
        course,
        because,
        status: statusOf(best, now),
      };
      if (best !== undefined) need.trainingId = best.id;
      if (typeof best?.values.expiresAt === 'number') need.expiresAt = best.values.expiresAt;
      needs.set(key, need);
    }
  }
  return [...needs.values()].sort(
    (a, b) =>
      a.person.localeCompare(b.person, 'en') || a.competence.localeCompare(b.competence, 'en'),
  );
}

/** The category a lead decided for a record, or else the one suggested. */
const categoryOf = (record: RegistryRecord) =>
  record.classification?.decision?.category ?? record.classification?.suggested?.category;

/**
 * High-risk systems (EU AI Act; decided, or else suggested) with nobody named for their human
 * oversight in a competence (Art. 26(2): deployers assign oversight to competent people).
 */
export function systemsWithoutOversight(
  records: Iterable<RegistryRecord>,
  competences: readonly AimsEntry[],
): RegistryRecord[] {
  const overseen = new Set<string>();
  for (const competence of competences) {
    if (list(competence.values.people).length === 0) continue;
    for (const id of list(competence.values.systemIds)) overseen.add(id);
  }
  return [...records]
    .filter((record) => categoryOf(record) === 'high-risk' && !overseen.has(record.id))
    .sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
