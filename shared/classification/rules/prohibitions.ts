// Art. 5(1): the prohibited practices, in the order of the Regulation as amended, each with the day
// it applies from and where it was read. The words are our own summary of the text, not a quotation.
import type { DateKey } from './dates.ts';
import type { RuleSourceId } from './sources.ts';

export interface ProhibitionRule {
  /** The profile value (`prohibitedPractices`). */
  value: string;
  citation: string;
  label: string;
  appliesFrom: DateKey;
  source: RuleSourceId;
  note?: string;
}

const OMNIBUS_NUMBERING =
  'Inserted by the 2026 Digital Omnibus on AI. The numbering (ba)/(bb) is the one the secondary sources give (the domain review, citing clemensjl timeline.md and the Opencomplai v0.13.1 release notes; the reference says "secondary sources number them"); the scoping rules are in new Art. 5(1a) and 5(1b). Confirm against the consolidated text before citing it in a filing.';

export const PROHIBITIONS = [
  {
    value: 'subliminal-manipulation',
    citation: 'Art. 5(1)(a)',
    label:
      'subliminal, purposefully manipulative or deceptive techniques that materially distort behaviour and cause significant harm',
    appliesFrom: 'prohibitions-2025',
    source: 'reg-2024-1689',
  },
  {
    value: 'exploit-vulnerabilities',
    citation: 'Art. 5(1)(b)',
    label:
      'exploiting vulnerabilities due to age, disability or a specific social or economic situation, materially distorting behaviour in a way that causes or is likely to cause significant harm',
    appliesFrom: 'prohibitions-2025',
    source: 'reg-2024-1689',
  },
  {
    value: 'non-consensual-intimate-imagery',
    citation: 'Art. 5(1)(ba)',
    label:
      'generating or manipulating realistic intimate images, video or audio of an identifiable person without that person’s freely given, specific, informed, unambiguous and explicit consent',
    appliesFrom: 'omnibus-prohibitions',
    source: 'domain-review-2026-12',
    note: OMNIBUS_NUMBERING,
  },
  {
    value: 'child-sexual-abuse-material',
    citation: 'Art. 5(1)(bb)',
    label: 'generating child sexual abuse material within the meaning of Directive 2011/93/EU',
    appliesFrom: 'omnibus-prohibitions',
    source: 'domain-review-2026-12',
    note: OMNIBUS_NUMBERING,
  },
  {
    value: 'social-scoring',
    citation: 'Art. 5(1)(c)',
    label:
      'social scoring leading to detrimental or unfavourable treatment that is out of context or disproportionate',
    appliesFrom: 'prohibitions-2025',
    source: 'reg-2024-1689',
  },
  {
    value: 'crime-prediction-profiling',
    citation: 'Art. 5(1)(d)',
    label:
      'assessing the risk of a person committing a crime based solely on profiling or personality traits',
    appliesFrom: 'prohibitions-2025',
    source: 'reg-2024-1689',
    note: 'The boundary with Annex III 6(d) (high-risk): a risk assessment not solely on the basis of profiling is Annex III 6(d), not prohibited.',
  },
  {
    value: 'facial-image-scraping',
    citation: 'Art. 5(1)(e)',
    label:
      'untargeted scraping of facial images from the internet or CCTV to build facial-recognition databases',
    appliesFrom: 'prohibitions-2025',
    source: 'reg-2024-1689',
  },
  {
    value: 'emotion-recognition-workplace-education',
    citation: 'Art. 5(1)(f)',
    label:
      'emotion recognition in the workplace or in education institutions (other than for medical or safety reasons)',
    appliesFrom: 'prohibitions-2025',
    source: 'reg-2024-1689',
  },
  {
    value: 'biometric-categorisation-sensitive',
    citation: 'Art. 5(1)(g)',
    label:
      'biometric categorisation inferring race, political opinions, trade-union membership, religious or philosophical beliefs, sex life or sexual orientation',
    appliesFrom: 'prohibitions-2025',
    source: 'reg-2024-1689',
  },
  {
    value: 'realtime-remote-biometric-id-law-enforcement',
    citation: 'Art. 5(1)(h)',
    label:
      'real-time remote biometric identification in publicly accessible spaces for law enforcement (outside its narrow exceptions)',
    appliesFrom: 'prohibitions-2025',
    source: 'reg-2024-1689',
  },
] as const satisfies readonly ProhibitionRule[];
