import { RULE_SOURCES } from '../classification/rules/sources.ts';

/**
 * The legal periods an incident starts, as data with their citation and source, so an amendment
 * is a change here and nowhere else. Read on the day below from the Official Journal texts.
 * The paragraphs are quoted in docs/incidents.md (rules I1–I6).
 */

export interface LegalSource {
  title: string;
  url: string;
  /** The day the text was read, YYYY-MM-DD. */
  read: string;
}

const regulation = RULE_SOURCES.find((source) => source.id === 'reg-2024-1689')!;

/** The AI Act as the classification rules cite it (one entry for both, rules/sources.ts). */
export const AI_ACT: LegalSource = {
  title: regulation.title,
  url: regulation.where,
  read: '2026-12-07',
};

export const GDPR: LegalSource = {
  title: 'Regulation (EU) 2016/679 (General Data Protection Regulation), OJ L 119, 4.5.2016',
  url: 'https://eur-lex.europa.eu/eli/reg/2016/679/oj',
  read: '2026-12-07',
};

/** Who is told. `affected-people` has no legal clock (ISO/IEC 42001 A.8.4 asks for it). */
export const PARTIES = [
  'provider',
  'market-surveillance',
  'data-protection',
  'affected-people',
] as const;
export type Party = (typeof PARTIES)[number];

export const PARTY_LABELS: Record<Party, string> = {
  provider: 'Provider of the system',
  'market-surveillance': 'Market-surveillance authority',
  'data-protection': 'Data-protection supervisory authority',
  'affected-people': 'Affected people or users',
};

export const PERIOD_IDS = [
  'ai-act-26-5',
  'ai-act-73-2',
  'ai-act-73-3',
  'ai-act-73-4',
  'gdpr-33-1',
] as const;
export type PeriodId = (typeof PERIOD_IDS)[number];

export interface ReportingPeriod {
  id: PeriodId;
  citation: string;
  /** What the period asks, in our words. */
  duty: string;
  /** When it applies, in our words. */
  appliesWhen: string;
  party: Party;
  /** 0 for "immediately": the law gives no number of hours. */
  hours: number;
  source: LegalSource;
}

const DAY = 24;

export const REPORTING_PERIODS: Readonly<Record<PeriodId, ReportingPeriod>> = {
  'ai-act-26-5': {
    id: 'ai-act-26-5',
    citation: 'AI Act Art. 26(5)',
    duty: 'The deployer immediately informs first the provider, then the importer or distributor and the market-surveillance authorities.',
    appliesWhen: 'The deployer has identified a serious incident (Art. 3(49)).',
    party: 'provider',
    hours: 0,
    source: AI_ACT,
  },
  'ai-act-73-2': {
    id: 'ai-act-73-2',
    citation: 'AI Act Art. 73(2)',
    duty: 'Report the serious incident to the market-surveillance authority not later than 15 days after becoming aware of it.',
    appliesWhen: 'A serious incident (Art. 3(49)) not covered by Art. 73(3) or 73(4).',
    party: 'market-surveillance',
    hours: 15 * DAY,
    source: AI_ACT,
  },
  'ai-act-73-3': {
    id: 'ai-act-73-3',
    citation: 'AI Act Art. 73(3)',
    duty: 'Report immediately and not later than 2 days after becoming aware of it.',
    appliesWhen:
      'A widespread infringement (Art. 3(61)) or a serious incident under Art. 3(49)(b): serious and irreversible disruption of critical infrastructure.',
    party: 'market-surveillance',
    hours: 2 * DAY,
    source: AI_ACT,
  },
  'ai-act-73-4': {
    id: 'ai-act-73-4',
    citation: 'AI Act Art. 73(4)',
    duty: 'Report immediately and not later than 10 days after becoming aware of it.',
    appliesWhen: 'The death of a person.',
    party: 'market-surveillance',
    hours: 10 * DAY,
    source: AI_ACT,
  },
  'gdpr-33-1': {
    id: 'gdpr-33-1',
    citation: 'GDPR Art. 33(1)',
    duty: 'Notify the supervisory authority without undue delay and, where feasible, not later than 72 hours after becoming aware of the breach.',
    appliesWhen: 'A personal data breach, unless it is unlikely to result in a risk to people.',
    party: 'data-protection',
    hours: 72,
    source: GDPR,
  },
};

/** The points of Art. 3(49): what makes an incident serious. */
export const SERIOUS_POINTS = ['a', 'b', 'c', 'd'] as const;
export type SeriousPoint = (typeof SERIOUS_POINTS)[number];

export const SERIOUS_POINT_LABELS: Record<SeriousPoint, string> = {
  a: 'Art. 3(49)(a): death of a person, or serious harm to a person’s health',
  b: 'Art. 3(49)(b): serious and irreversible disruption of critical infrastructure',
  c: 'Art. 3(49)(c): infringement of Union law protecting fundamental rights',
  d: 'Art. 3(49)(d): serious harm to property or the environment',
};
