// The version of the EU AI Act rules the classifier applies. A classification records the version
// it was suggested under, so a workspace sees when its records were judged by older rules.
// Bump `id` and add a changelog entry with every change to the data in this folder.

export interface RulesChange {
  version: string;
  /** The day the change was made (YYYY-MM-DD). */
  date: string;
  changes: string[];
}

export const RULES_CHANGELOG: readonly RulesChange[] = [
  {
    version: 'eu-ai-act-2026-12',
    date: '2026-12-07',
    changes: [
      'The 2026 Digital Omnibus on AI: new prohibitions Art. 5(1)(ba) (intimate imagery without consent) and 5(1)(bb) (child sexual abuse material), applying from 2 Dec 2026.',
      'Dates of application as data: Annex III high-risk regime from 2 Dec 2027, Annex I from 2 Aug 2028, Art. 50(2) for generative systems already on the market from 2 Dec 2026.',
      'Art. 4 rewritten as a duty to support AI literacy.',
      'Annex III 6(a)–(e) and 7(a)–(d) with their letters; 1(a) without biometric verification; 5(a) by or on behalf of public authorities.',
      'Art. 26(5), (7) (the workers too), (8), (9), (11), (12) and Art. 86 added; Art. 6(4) with Art. 49(2); provider duties Art. 16, 49(1), 73; every duty with the role it binds.',
      'General-purpose AI model duties (Art. 52(1), 53(1), 54, 55) recorded with their dates.',
    ],
  },
  {
    version: 'eu-ai-act-2024',
    date: '2026-06-01',
    changes: [
      'Regulation (EU) 2024/1689 as published: Art. 5(1)(a)–(h), Annex III (6 and 7 as whole areas), Art. 6(3), Art. 26, 27, 50. No dates.',
    ],
  },
];

/** The version in force in the product: the newest changelog entry. */
export const RULES_VERSION: string = RULES_CHANGELOG[0]!.version;
