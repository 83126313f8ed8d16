// When each part of the EU AI Act applies, as data: an amendment that moves a date changes one line
// here (and the changelog in version.ts), not the classifier. Dates are calendar days, YYYY-MM-DD.
import type { RuleSourceId } from './sources.ts';

export interface ApplicationDate {
  /** The first day the rule applies. */
  date: string;
  /** What applies from that day. */
  what: string;
  /** The provision that sets the date. */
  citation: string;
  source: RuleSourceId;
  /** A caveat a person should read before relying on the date. */
  note?: string;
}

const OMNIBUS_NOTE =
  'Set by the 2026 Digital Omnibus on AI (secondary sources name it Regulation (EU) 2026/1744); confirm against the consolidated text on EUR-Lex.';

export const APPLICATION_DATES = {
  'prohibitions-2025': {
    date: '2025-02-02',
    what: 'Art. 5(1)(a)–(h) prohibitions and Art. 4 AI literacy',
    citation: 'Art. 113(a)',
    source: 'reg-2024-1689',
  },
  gpai: {
    date: '2025-08-02',
    what: 'obligations of providers of general-purpose AI models (Chapter V)',
    citation: 'Art. 113(b)',
    source: 'reg-2024-1689',
  },
  'transparency-2026': {
    date: '2026-08-02',
    what: 'Art. 50 transparency obligations',
    citation: 'Art. 113',
    source: 'reg-2024-1689',
    note: 'Unchanged by the 2026 amendment.',
  },
  'omnibus-prohibitions': {
    date: '2026-12-02',
    what: 'the new prohibitions of Art. 5(1)(ba) and (bb) (intimate imagery without consent, child sexual abuse material)',
    citation: 'Art. 113 as amended',
    source: 'domain-review-2026-12',
    note: OMNIBUS_NOTE,
  },
  'art-50-2-legacy': {
    date: '2026-12-02',
    what: 'Art. 50(2) marking for generative systems placed on the market before 2 Aug 2026',
    citation: 'Art. 111(4) as amended',
    source: 'domain-review-2026-12',
    note: OMNIBUS_NOTE,
  },
  'gpai-legacy': {
    date: '2027-08-02',
    what: 'general-purpose AI models placed on the market before 2 Aug 2025',
    citation: 'Art. 111(3)',
    source: 'reg-2024-1689',
  },
  'annex-iii': {
    date: '2027-12-02',
    what: 'Chapter III Sections 1–3 (high-risk requirements, provider and deployer duties, Art. 26 and 27) for Annex III systems',
    citation: 'Art. 113 as amended',
    source: 'domain-review-2026-12',
    note: `${OMNIBUS_NOTE} The Commission may bring it forward once harmonised standards exist, with notice.`,
  },
  'annex-i': {
    date: '2028-08-02',
    what: 'the same for Art. 6(1) systems (Annex I products)',
    citation: 'Art. 113 as amended',
    source: 'domain-review-2026-12',
    note: OMNIBUS_NOTE,
  },
  'public-authority-backstop': {
    date: '2030-08-02',
    what: 'high-risk systems already in use by public authorities before the high-risk dates',
    citation: 'Art. 111(2)',
    source: 'domain-review-2026-12',
  },
} as const satisfies Record<string, ApplicationDate>;

export type DateKey = keyof typeof APPLICATION_DATES;
