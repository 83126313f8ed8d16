import type { RegistryRecord, Risk } from '../../../shared/documents/registry/index.ts';
import type { AimsContent } from './use-aims.ts';
import {
  AIMS_AUDITS,
  AIMS_NONCONFORMITIES,
  AIMS_REVIEWS,
  AIMS_ROLES,
  AIMS_SUPPLIER_QUESTIONS,
  AIMS_SUPPLIERS,
  CHECKLIST_ITEMS,
  type LinkTarget,
} from '../../../shared/documents/aims/index.ts';

/** What an entry can link to, by id with a name to show, and the people the workspace names. */
export type LinkOptions = Record<LinkTarget, { id: string; name: string }[]> & {
  /** Offered for owner fields: owners of records and risks, people in roles, and me. */
  people: string[];
};

/** Clauses and Annex A controls, in the standard's order, named "9.2 Internal audit". */
const REQUIREMENTS = CHECKLIST_ITEMS.map(({ ref, title }) => ({
  id: ref,
  name: `${ref} ${title}`,
}));

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name, 'en');

export function linkOptions(
  records: Iterable<RegistryRecord>,
  risks: Iterable<Risk>,
  aims: AimsContent,
  me: string,
  /** The workspace's people directory (people.ts). */
  directory: Iterable<string> = [],
): LinkOptions {
  const people = new Set<string>([me, ...directory]);
  const recordList = [...records].map((record) => {
    if (record.owner) people.add(record.owner);
    return { id: record.id, name: record.name };
  });
  const riskList = [...risks].map((risk) => {
    if (risk.owner) people.add(risk.owner);
    return { id: risk.id, name: risk.description.slice(0, 80) };
  });
  const roles = (aims.get(AIMS_ROLES.id)?.entries ?? []).map((role) => {
    for (const person of (role.values.people as string[] | undefined) ?? []) people.add(person);
    return { id: role.id, name: String(role.values.title) };
  });
  const named = (registerId: string) =>
    (aims.get(registerId)?.entries ?? [])
      .map((entry) => ({ id: entry.id, name: String(entry.values.title) }))
      .sort(byName);
  return {
    requirements: REQUIREMENTS,
    audits: named(AIMS_AUDITS.id),
    nonconformities: named(AIMS_NONCONFORMITIES.id),
    reviews: named(AIMS_REVIEWS.id),
    suppliers: named(AIMS_SUPPLIERS.id),
    supplierQuestions: named(AIMS_SUPPLIER_QUESTIONS.id),
    records: recordList.sort(byName),
    risks: riskList.sort(byName),
    roles: roles.sort(byName),
    people: [...people].filter(Boolean).sort((a, b) => a.localeCompare(b, 'en')),
  };
}
