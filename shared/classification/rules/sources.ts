// Where each entry of the EU AI Act rules was read. An entry names its source by id; a test checks
// that every id exists. Secondary sources are named as such: the amendment's article numbers are
// to be confirmed against the consolidated text on EUR-Lex (../shared/reference/eu-ai-act.md).

export interface RuleSource {
  id: string;
  /** What it is, as a person would cite it. */
  title: string;
  /** Where to read it: a public address or a path in the reference folder. */
  where: string;
  /** Primary (the legal text) or secondary (a summary, a review, release notes). */
  kind: 'primary' | 'secondary';
}

export const RULE_SOURCES = [
  {
    id: 'reg-2024-1689',
    title: 'Regulation (EU) 2024/1689 (Artificial Intelligence Act), OJ L, 12.7.2024',
    where: 'http://data.europa.eu/eli/reg/2024/1689/oj',
    kind: 'primary',
  },
  {
    id: 'reference-eu-ai-act',
    title: 'Sightline reference: EU AI Act, what the classifier must know (as of Dec 2026)',
    where: '../shared/reference/eu-ai-act.md',
    kind: 'secondary',
  },
  {
    id: 'domain-review-2026-12',
    title:
      'Domain review of the product, December 2026 (citing clemensjl timeline.md, decision-tree.md, deployer-duties.md, ai-literacy.md and the Opencomplai v0.13.1 release notes)',
    where: '../shared/reference/domain-review-2026-12.md',
    kind: 'secondary',
  },
] as const satisfies readonly RuleSource[];

export type RuleSourceId = (typeof RULE_SOURCES)[number]['id'];
