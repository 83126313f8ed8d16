import type * as Y from 'yjs';
import { addProblem } from '../schema/problems.ts';
import { topMap } from '../schema/read.ts';
import { ensureWritable } from '../schema/version.ts';
import { POLICY_SCHEMA } from './schema.ts';

/**
 * The workspace's own email domains (`acme.com`, `acme.de`), set by a lead in the PWA: an account
 * signed in to an AI tool whose address is at one of them (or a subdomain) is `corporate`
 * (docs/extension.md, "Corporate or personal account"). A new optional top-level map of the
 * policy document, so every extension reads it; a set, so two leads adding domains both stay:
 *
 *   accountDomains  domain → true
 */
export const ACCOUNT_DOMAINS = 'accountDomains';
export const MAX_ACCOUNT_DOMAINS = 50;

/** A registrable-looking domain: lower-case labels with a dot, no scheme, no path, no "@". */
const DOMAIN = /^(?=.{3,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}$/;

/** The domain as a lead may type it (` Acme.COM `, `@acme.com`), or undefined when it is none. */
export function normaliseDomain(text: string): string | undefined {
  const domain = text.trim().toLowerCase().replace(/^@/, '').replace(/\.$/, '');
  return DOMAIN.test(domain) ? domain : undefined;
}

/** Makes the set exactly `domains`. Throws, changing nothing, when one is not a domain. */
export function setAccountDomains(doc: Y.Doc, domains: readonly string[]): void {
  const wanted = new Set<string>();
  for (const text of domains) {
    const domain = normaliseDomain(text);
    if (!domain) throw new RangeError(`“${text.slice(0, 80)}” is not an email domain`);
    wanted.add(domain);
  }
  if (wanted.size > MAX_ACCOUNT_DOMAINS)
    throw new RangeError(`at most ${MAX_ACCOUNT_DOMAINS} domains`);
  doc.transact(() => {
    const map = doc.getMap<unknown>(ACCOUNT_DOMAINS);
    const removed = [...map.keys()].filter((key) => !wanted.has(key));
    const added = [...wanted].filter((domain) => map.get(domain) !== true);
    if (removed.length === 0 && added.length === 0) return;
    ensureWritable(doc, POLICY_SCHEMA);
    removed.forEach((key) => map.delete(key));
    added.forEach((domain) => map.set(domain, true));
  });
}

/** The workspace's domains, sorted, read without trust (anything else skipped and listed). */
export function readAccountDomains(doc: Y.Doc, problems: string[] = []): string[] {
  const map = topMap(doc, ACCOUNT_DOMAINS, problems);
  if (map === undefined) return [];
  const domains: string[] = [];
  for (const [key, value] of map.entries()) {
    if (value === true && normaliseDomain(key) === key) domains.push(key);
    else addProblem(problems, `${ACCOUNT_DOMAINS}.${key.slice(0, 80)}: not a domain; skipped`);
  }
  return domains.sort();
}
