// The EU AI Act use profile: the short questionnaire the classifier reads, its allowed values with
// the point of the Regulation each one stands for, and a validator that lists every problem.
// Facts from ../shared/reference/eu-ai-act.md (Regulation (EU) 2024/1689).

/** An allowed answer, the citation it stands for, and a label a person can read. */
export interface ProfileValue<V extends string = string> {
  value: V;
  citation: string;
  label: string;
}

/** Art. 5(1): the prohibited practices, in the order of the Regulation. */
export const PROHIBITED_PRACTICES = [
  {
    value: 'subliminal-manipulation',
    citation: 'Art. 5(1)(a)',
    label:
      'subliminal, purposefully manipulative or deceptive techniques that materially distort behaviour and cause significant harm',
  },
  {
    value: 'exploit-vulnerabilities',
    citation: 'Art. 5(1)(b)',
    label:
      'exploiting vulnerabilities due to age, disability or a specific social or economic situation',
  },
  {
    value: 'social-scoring',
    citation: 'Art. 5(1)(c)',
    label:
      'social scoring leading to detrimental or unfavourable treatment that is out of context or disproportionate',
  },
  {
    value: 'crime-prediction-profiling',
    citation: 'Art. 5(1)(d)',
    label:
      'assessing the risk of a person committing a crime based solely on profiling or personality traits',
  },
  {
    value: 'facial-image-scraping',
    citation: 'Art. 5(1)(e)',
    label:
      'untargeted scraping of facial images from the internet or CCTV to build facial-recognition databases',
  },
  {
    value: 'emotion-recognition-workplace-education',
    citation: 'Art. 5(1)(f)',
    label:
      'emotion recognition in the workplace or in education institutions (other than for medical or safety reasons)',
  },
  {
    value: 'biometric-categorisation-sensitive',
    citation: 'Art. 5(1)(g)',
    label:
      'biometric categorisation inferring race, political opinions, trade-union membership, religious or philosophical beliefs, sex life or sexual orientation',
  },
  {
    value: 'realtime-remote-biometric-id-law-enforcement',
    citation: 'Art. 5(1)(h)',
    label:
      'real-time remote biometric identification in publicly accessible spaces for law enforcement (outside its narrow exceptions)',
  },
] as const satisfies readonly ProfileValue[];

/** Art. 6(2) and Annex III: the high-risk areas and their points, in the order of the Annex. */
export const ANNEX_III_POINTS = [
  {
    value: 'biometrics.remote-identification',
    citation: 'Annex III 1(a)',
    label: 'biometrics: remote biometric identification',
  },
  {
    value: 'biometrics.categorisation',
    citation: 'Annex III 1(b)',
    label: 'biometrics: biometric categorisation by sensitive or protected attributes',
  },
  {
    value: 'biometrics.emotion-recognition',
    citation: 'Annex III 1(c)',
    label: 'biometrics: emotion recognition',
  },
  {
    value: 'critical-infrastructure',
    citation: 'Annex III 2',
    label:
      'critical infrastructure: a safety component in critical digital infrastructure, road traffic, or the supply of water, gas, heating or electricity',
  },
  {
    value: 'education.admission',
    citation: 'Annex III 3(a)',
    label: 'education and vocational training: access or admission',
  },
  {
    value: 'education.evaluation',
    citation: 'Annex III 3(b)',
    label: 'education and vocational training: evaluating learning outcomes',
  },
  {
    value: 'education.level-assessment',
    citation: 'Annex III 3(c)',
    label: 'education and vocational training: deciding the level of education a person receives',
  },
  {
    value: 'education.test-monitoring',
    citation: 'Annex III 3(d)',
    label: 'education and vocational training: monitoring and detecting cheating in tests',
  },
  {
    value: 'employment.recruitment',
    citation: 'Annex III 4(a)',
    label:
      'employment: recruitment and selection (targeted job ads, filtering applications, evaluating candidates)',
  },
  {
    value: 'employment.work-decisions',
    citation: 'Annex III 4(b)',
    label:
      'employment: decisions on promotion, termination or task allocation based on behaviour or traits, monitoring and evaluating performance',
  },
  {
    value: 'essential-services.public-benefits',
    citation: 'Annex III 5(a)',
    label: 'essential services: eligibility for public assistance benefits and services',
  },
  {
    value: 'essential-services.creditworthiness',
    citation: 'Annex III 5(b)',
    label: 'essential services: creditworthiness and credit scores (other than fraud detection)',
  },
  {
    value: 'essential-services.insurance-pricing',
    citation: 'Annex III 5(c)',
    label: 'essential services: risk assessment and pricing in life and health insurance',
  },
  {
    value: 'essential-services.emergency-triage',
    citation: 'Annex III 5(d)',
    label: 'essential services: evaluating and classifying emergency calls, dispatch and triage',
  },
  { value: 'law-enforcement', citation: 'Annex III 6', label: 'law enforcement' },
  { value: 'migration', citation: 'Annex III 7', label: 'migration, asylum and border control' },
  {
    value: 'justice.judicial',
    citation: 'Annex III 8(a)',
    label: 'administration of justice: assisting judicial authorities',
  },
  {
    value: 'justice.elections',
    citation: 'Annex III 8(b)',
    label: 'democratic processes: influencing the outcome of elections or voting behaviour',
  },
] as const satisfies readonly ProfileValue[];

/** Art. 6(3): the conditions of the derogation, (a) to (d). */
export const ART_6_3_CONDITIONS = [
  {
    value: 'narrow-procedural-task',
    citation: 'Art. 6(3)(a)',
    label: 'it only performs a narrow procedural task',
  },
  {
    value: 'improves-completed-human-activity',
    citation: 'Art. 6(3)(b)',
    label: 'it only improves the result of a previously completed human activity',
  },
  {
    value: 'detects-patterns-without-replacing-review',
    citation: 'Art. 6(3)(c)',
    label:
      'it only detects decision-making patterns or deviations, without replacing or influencing the human assessment without proper review',
  },
  {
    value: 'preparatory-task',
    citation: 'Art. 6(3)(d)',
    label: 'it only performs a preparatory task to an assessment',
  },
] as const satisfies readonly ProfileValue[];

export type ProhibitedPractice = (typeof PROHIBITED_PRACTICES)[number]['value'];
export type AnnexIIIPoint = (typeof ANNEX_III_POINTS)[number]['value'];
export type Art63Condition = (typeof ART_6_3_CONDITIONS)[number]['value'];

/** The yes/no questions, with what a "yes" means. */
export const PROFILE_QUESTIONS = {
  annexISafetyComponent:
    'It is a safety component of a product (or is itself a product) covered by the Union harmonisation legislation in Annex I, and needs a third-party conformity assessment.',
  profilesNaturalPersons: 'It profiles natural persons.',
  interactsWithPeople: 'It interacts directly with people.',
  generatesSyntheticContent: 'It generates synthetic audio, images, video or text.',
  emotionRecognitionOrBiometricCategorisation:
    'It recognises emotions or categorises people by biometric data.',
  deepFake: 'It is used to make deep fakes (image, audio or video content that resembles reality).',
  publicInterestText:
    'It generates text that is published to inform the public on matters of public interest.',
} as const;

export type ProfileQuestion = keyof typeof PROFILE_QUESTIONS;

/** A validated use profile: every field present (lists empty and answers false when not given). */
export interface EuAiActProfile {
  prohibitedPractices: ProhibitedPractice[];
  annexISafetyComponent: boolean;
  annexIII: AnnexIIIPoint[];
  art63: Art63Condition[];
  profilesNaturalPersons: boolean;
  interactsWithPeople: boolean;
  generatesSyntheticContent: boolean;
  emotionRecognitionOrBiometricCategorisation: boolean;
  deepFake: boolean;
  publicInterestText: boolean;
}

/** The profile as it may be written: every field optional. */
export type EuAiActProfileInput = Partial<EuAiActProfile>;

const LIST_FIELDS = {
  prohibitedPractices: PROHIBITED_PRACTICES,
  annexIII: ANNEX_III_POINTS,
  art63: ART_6_3_CONDITIONS,
} as const satisfies Record<string, readonly ProfileValue[]>;
type ListField = keyof typeof LIST_FIELDS;

/** Every field the profile may hold, in the order the questionnaire asks. */
export const PROFILE_FIELDS: readonly (keyof EuAiActProfile)[] = [
  'prohibitedPractices',
  'annexISafetyComponent',
  'annexIII',
  'art63',
  'profilesNaturalPersons',
  'interactsWithPeople',
  'generatesSyntheticContent',
  'emotionRecognitionOrBiometricCategorisation',
  'deepFake',
  'publicInterestText',
];

/** More problems than this are counted, not listed: hostile input cannot make the error huge. */
export const MAX_LISTED_PROBLEMS = 50;

/** An invalid use profile; `problems` lists every problem found, one sentence each. */
export class ProfileError extends Error {
  override name = 'ProfileError';
  readonly problems: string[];
  constructor(problems: string[]) {
    super(
      `invalid use profile (${plural(problems.length, 'problem')}):\n` +
        problems.map((problem) => `  - ${problem}`).join('\n'),
    );
    this.problems = problems;
  }
}

/** A profile with every question answered "no": the starting point of a questionnaire. */
export function emptyEuAiActProfile(): EuAiActProfile {
  return {
    prohibitedPractices: [],
    annexISafetyComponent: false,
    annexIII: [],
    art63: [],
    profilesNaturalPersons: false,
    interactsWithPeople: false,
    generatesSyntheticContent: false,
    emotionRecognitionOrBiometricCategorisation: false,
    deepFake: false,
    publicInterestText: false,
  };
}

/**
 * Checks a use profile, as parsed from JSON, against the questionnaire: a plain object whose fields
 * are all optional; the three lists hold allowed values, each at most once; the rest are booleans.
 * Returns it with every field filled in, or throws a ProfileError that lists every problem
 * (unknown fields and values included — never a silent "minimal").
 */
export function parseEuAiActProfile(raw: unknown): EuAiActProfile {
  if (!isPlainObject(raw))
    throw new ProfileError([`the profile must be a JSON object, not ${describe(raw)}`]);
  const problems = new ProblemList();
  const profile = emptyEuAiActProfile();
  const known = new Set<string>(PROFILE_FIELDS);
  for (const key of Object.keys(raw)) {
    if (!known.has(key)) {
      problems.add(`unknown field ${quote(key)} (the fields are ${PROFILE_FIELDS.join(', ')})`);
      continue;
    }
    const value = (raw as Record<string, unknown>)[key];
    if (key in LIST_FIELDS) {
      const list = readList(key as ListField, value, problems);
      if (list) (profile as unknown as Record<string, string[]>)[key] = list;
    } else if (typeof value === 'boolean') {
      profile[key as ProfileQuestion] = value;
    } else {
      problems.add(`${key}: must be true or false, not ${describe(value)}`);
    }
  }
  if (problems.count > 0) throw new ProfileError(problems.listed());
  return profile;
}

function readList(field: ListField, value: unknown, problems: ProblemList): string[] | undefined {
  const allowed = LIST_FIELDS[field].map((entry) => entry.value as string);
  // The allowed values are spelled out once per field, on its first problem.
  let allowedText = ` (allowed: ${allowed.join(', ')})`;
  const hint = () => {
    const text = allowedText;
    allowedText = '';
    return text;
  };
  if (!Array.isArray(value)) {
    problems.add(`${field}: must be a list of values, not ${describe(value)}${hint()}`);
    return undefined;
  }
  if (value.length > allowed.length) {
    problems.add(
      `${field}: has ${value.length} entries, but there are only ${allowed.length} allowed values, each at most once`,
    );
    return undefined;
  }
  const seen = new Set<string>();
  let ok = true;
  value.forEach((item: unknown, index) => {
    const at = `${field}[${index}]`;
    if (typeof item !== 'string') {
      problems.add(`${at}: must be one of the allowed values, not ${describe(item)}${hint()}`);
      ok = false;
    } else if (!allowed.includes(item)) {
      problems.add(`${at}: unknown value ${quote(item)}${hint()}`);
      ok = false;
    } else if (seen.has(item)) {
      problems.add(`${at}: ${quote(item)} is listed twice`);
      ok = false;
    } else seen.add(item);
  });
  // Kept in the order of the Regulation, whatever the order written, so results are stable.
  return ok ? allowed.filter((entry) => seen.has(entry)) : undefined;
}

class ProblemList {
  private readonly items: string[] = [];
  count = 0;
  add(problem: string): void {
    this.count += 1;
    if (this.items.length < MAX_LISTED_PROBLEMS) this.items.push(problem);
  }
  listed(): string[] {
    const more = this.count - this.items.length;
    return more > 0 ? [...this.items, `… and ${plural(more, 'more problem')}`] : [...this.items];
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/** A short, safe description of any value for an error message. */
export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `a list of ${plural(value.length, 'entry', 'entries')}`;
  switch (typeof value) {
    case 'string':
      return `the text ${quote(value)}`;
    case 'number':
    case 'bigint':
      return `the number ${String(value)}`;
    case 'boolean':
      return String(value);
    case 'object':
      return 'an object';
    default:
      return `a ${typeof value}`;
  }
}

/** JSON-quoted and cut to a readable length, so a hostile value cannot flood the message. */
function quote(text: string): string {
  const shown = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  return JSON.stringify(shown).replace(
    /[\u007f-\u009f\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}
