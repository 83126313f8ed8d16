// The EU AI Act use profile: the short questionnaire the classifier reads, its allowed values with
// the point of the Regulation each one stands for, and a validator that lists every problem.
// Facts from ../shared/reference/eu-ai-act.md (Regulation (EU) 2024/1689 as amended in 2026); the
// legal content itself is data in ./rules/, with its sources and dates.
import { ANNEX_III, ANNEX_III_DEPRECATED } from './rules/annex-iii.ts';
import { PROHIBITIONS } from './rules/prohibitions.ts';

/** An allowed answer, the citation it stands for, and a label a person can read. */
export interface ProfileValue<V extends string = string> {
  value: V;
  citation: string;
  label: string;
}

/** Art. 5(1): the prohibited practices, in the order of the Regulation as amended (rules/prohibitions.ts). */
export const PROHIBITED_PRACTICES = PROHIBITIONS;

/** Art. 6(2) and Annex III: the high-risk points the questionnaire offers, in the order of the Annex. */
export const ANNEX_III_POINTS = ANNEX_III;

/** Annex III values still accepted from older profiles, no longer offered (rules/annex-iii.ts). */
export const DEPRECATED_ANNEX_III_POINTS = ANNEX_III_DEPRECATED;

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

/** Art. 25(1): what turns a deployer (or a distributor or importer) into the provider of a high-risk system. */
export const ART_25_TRIGGERS = [
  {
    value: 'own-name-or-trademark',
    citation: 'Art. 25(1)(a)',
    label: 'we put our own name or trademark on it',
  },
  {
    value: 'substantial-modification',
    citation: 'Art. 25(1)(b)',
    label: 'we made a substantial modification to it',
  },
  {
    value: 'changed-intended-purpose',
    citation: 'Art. 25(1)(c)',
    label: 'we changed its intended purpose (so that it becomes high-risk)',
  },
] as const satisfies readonly ProfileValue[];

/** The organisation's role for this system (Art. 3(3) provider, 3(4) deployer). */
export const ROLES = [
  { value: 'deployer', citation: 'Art. 3(4)', label: 'we use it under our authority (deployer)' },
  {
    value: 'provider',
    citation: 'Art. 3(3)',
    label:
      'we develop it, or have it developed, and place it on the market under our name (provider)',
  },
  {
    value: 'provider-and-deployer',
    citation: 'Art. 3(3)',
    label: 'we develop it and use it ourselves (provider and deployer)',
  },
] as const satisfies readonly ProfileValue[];

/** Annex I: Section A (the New Legislative Framework) or Section B (vehicles, aviation, rail, marine, agriculture, machinery). */
export const ANNEX_I_SECTIONS = [
  {
    value: 'A',
    citation: 'Annex I Section A',
    label:
      'Section A: toys, lifts, radio equipment, pressure equipment, medical and in-vitro diagnostic devices and the other New Legislative Framework acts',
  },
  {
    value: 'B',
    citation: 'Annex I Section B',
    label:
      'Section B: motor vehicles, civil aviation, rail, marine equipment, agricultural and forestry vehicles (and machinery, moved there in 2026) — only Art. 6(1), Arts 102–109 and 112 apply (Art. 2(2))',
  },
] as const satisfies readonly ProfileValue[];

/** What a biometric-categorisation system infers: the law treats each differently. */
export const BIOMETRIC_CATEGORISATION = [
  {
    value: 'prohibited-traits',
    citation: 'Art. 5(1)(g)',
    label:
      'race, political opinions, trade-union membership, religious or philosophical beliefs, sex life or sexual orientation (prohibited)',
  },
  {
    value: 'sensitive-or-protected-attributes',
    citation: 'Annex III 1(b)',
    label: 'other sensitive or protected attributes or characteristics (high-risk)',
  },
  {
    value: 'other-attributes',
    citation: 'Art. 50(3)',
    label: 'other attributes only, e.g. age range or hair colour (a transparency duty)',
  },
] as const satisfies readonly ProfileValue[];

export type ProhibitedPractice = (typeof PROHIBITED_PRACTICES)[number]['value'];
export type AnnexIIIPoint =
  | (typeof ANNEX_III_POINTS)[number]['value']
  | (typeof DEPRECATED_ANNEX_III_POINTS)[number]['value'];
export type Art63Condition = (typeof ART_6_3_CONDITIONS)[number]['value'];
export type Art25Trigger = (typeof ART_25_TRIGGERS)[number]['value'];
export type ProfileRole = (typeof ROLES)[number]['value'];
export type AnnexISection = (typeof ANNEX_I_SECTIONS)[number]['value'];
export type BiometricCategorisation = (typeof BIOMETRIC_CATEGORISATION)[number]['value'];

/** The yes/no questions, with what a "yes" means. */
export const PROFILE_QUESTIONS = {
  annexISafetyComponent:
    'It is a safety component of a product (or is itself a product) covered by the Union harmonisation legislation in Annex I, and needs a third-party conformity assessment. Not a safety component (Art. 6(1a)–(1c) as amended in 2026): a system used only for user assistance, performance optimisation, efficiency, automation, convenience or quality control, unless its failure would endanger health and safety; nor does a third-party assessment needed only for non-safety reasons (EMC, radio) count.',
  profilesNaturalPersons: 'It profiles natural persons.',
  interactsWithPeople: 'It interacts directly with people.',
  generatesSyntheticContent: 'It generates synthetic audio, images, video or text.',
  emotionRecognition:
    'It recognises or infers people’s emotions or intentions from their biometric data (Annex III 1(c); at work or in education, other than for medical or safety reasons, it is prohibited: Art. 5(1)(f)).',
  deepFake:
    'It makes deep fakes: image, audio or video content that resembles existing persons, objects, places, entities or events and would falsely appear to a person to be authentic or truthful (Art. 3(60)).',
  publicInterestText:
    'It generates text that is published to inform the public on matters of public interest.',
} as const;

export type ProfileQuestion = keyof typeof PROFILE_QUESTIONS;

/** A validated use profile: every field present (lists empty and answers false when not given). */
export interface EuAiActProfile {
  /** The organisation's role for this system; not given: `deployer`. */
  role: ProfileRole;
  art25: Art25Trigger[];
  prohibitedPractices: ProhibitedPractice[];
  annexISafetyComponent: boolean;
  /** Only for an Annex I product; not given: treated as Section A. */
  annexISection?: AnnexISection;
  annexIII: AnnexIIIPoint[];
  art63: Art63Condition[];
  profilesNaturalPersons: boolean;
  interactsWithPeople: boolean;
  generatesSyntheticContent: boolean;
  emotionRecognition: boolean;
  /** What a biometric-categorisation system infers; not given: it categorises no one. */
  biometricCategorisation?: BiometricCategorisation;
  deepFake: boolean;
  publicInterestText: boolean;
}

/** The profile as it may be written: every field optional, deprecated aliases accepted. */
export type EuAiActProfileInput = Partial<EuAiActProfile> & {
  /** Deprecated (split in Dec 2026): read as `emotionRecognition`, the stricter of the two readings. */
  emotionRecognitionOrBiometricCategorisation?: boolean;
};

const LIST_FIELDS = {
  art25: ART_25_TRIGGERS,
  prohibitedPractices: PROHIBITED_PRACTICES,
  annexIII: ANNEX_III_POINTS,
  art63: ART_6_3_CONDITIONS,
} as const satisfies Record<string, readonly ProfileValue[]>;
type ListField = keyof typeof LIST_FIELDS;
/** Values still accepted, no longer offered (nor listed in an error's "allowed"). */
const DEPRECATED_VALUES: Partial<Record<ListField, readonly ProfileValue[]>> = {
  annexIII: DEPRECATED_ANNEX_III_POINTS,
};

/** Fields answered with one of a few values. */
const CHOICE_FIELDS = {
  role: ROLES,
  annexISection: ANNEX_I_SECTIONS,
  biometricCategorisation: BIOMETRIC_CATEGORISATION,
} as const satisfies Record<string, readonly ProfileValue[]>;
type ChoiceField = keyof typeof CHOICE_FIELDS;

/** Every field the profile may hold, in the order the questionnaire asks. */
export const PROFILE_FIELDS: readonly (keyof EuAiActProfile)[] = [
  'role',
  'art25',
  'prohibitedPractices',
  'annexISafetyComponent',
  'annexISection',
  'annexIII',
  'art63',
  'profilesNaturalPersons',
  'interactsWithPeople',
  'generatesSyntheticContent',
  'emotionRecognition',
  'biometricCategorisation',
  'deepFake',
  'publicInterestText',
];

/**
 * Fields of older profiles that still parse, each mapped onto the new questions. Not in
 * PROFILE_FIELDS: a profile is stored again without them.
 */
export const DEPRECATED_FIELDS = {
  emotionRecognitionOrBiometricCategorisation: {
    replacedBy: ['emotionRecognition', 'biometricCategorisation'],
    reading:
      'read as emotionRecognition (Annex III 1(c)), the stricter of its two meanings; answer emotionRecognition and biometricCategorisation instead',
  },
} as const;

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
    role: 'deployer',
    art25: [],
    prohibitedPractices: [],
    annexISafetyComponent: false,
    annexIII: [],
    art63: [],
    profilesNaturalPersons: false,
    interactsWithPeople: false,
    generatesSyntheticContent: false,
    emotionRecognition: false,
    deepFake: false,
    publicInterestText: false,
  };
}

/**
 * Checks a use profile, as parsed from JSON, against the questionnaire: a plain object whose fields
 * are all optional; the lists hold allowed values, each at most once; the choices one allowed value;
 * the rest are booleans. Deprecated fields are mapped onto the new questions. Returns it with every
 * field filled in, or throws a ProfileError that lists every problem (unknown fields and values
 * included — never a silent "minimal").
 */
export function parseEuAiActProfile(raw: unknown): EuAiActProfile {
  if (!isPlainObject(raw))
    throw new ProfileError([`the profile must be a JSON object, not ${describe(raw)}`]);
  const problems = new ProblemList();
  const profile = emptyEuAiActProfile();
  const known = new Set<string>(PROFILE_FIELDS);
  for (const key of Object.keys(raw)) {
    const value = (raw as Record<string, unknown>)[key];
    if (key === 'emotionRecognitionOrBiometricCategorisation') {
      if (typeof value === 'boolean') profile.emotionRecognition ||= value;
      else problems.add(`${key}: must be true or false, not ${describe(value)}`);
      continue;
    }
    if (!known.has(key)) {
      problems.add(`unknown field ${quote(key)} (the fields are ${PROFILE_FIELDS.join(', ')})`);
      continue;
    }
    if (key in LIST_FIELDS) {
      const list = readList(key as ListField, value, problems);
      if (list) (profile as unknown as Record<string, string[]>)[key] = list;
    } else if (key in CHOICE_FIELDS) {
      const choice = readChoice(key as ChoiceField, value, problems);
      if (choice !== undefined) (profile as unknown as Record<string, string>)[key] = choice;
    } else if (typeof value === 'boolean') {
      profile[key as ProfileQuestion] = value;
    } else {
      problems.add(`${key}: must be true or false, not ${describe(value)}`);
    }
  }
  if (problems.count > 0) throw new ProfileError(problems.listed());
  return profile;
}

/** The deprecated fields a raw profile uses, each with how it was read (for the result's notes). */
export function deprecatedFieldsIn(raw: unknown): string[] {
  if (!isPlainObject(raw)) return [];
  const notes: string[] = [];
  for (const [field, { reading }] of Object.entries(DEPRECATED_FIELDS))
    if (field in raw) notes.push(`The profile uses the deprecated field ${field}: ${reading}.`);
  const annexIII = (raw as Record<string, unknown>).annexIII;
  if (Array.isArray(annexIII))
    for (const old of DEPRECATED_ANNEX_III_POINTS)
      if (annexIII.includes(old.value))
        notes.push(
          `The profile uses the deprecated value annexIII "${old.value}" (${old.citation} as a whole area): pick its lettered point.`,
        );
  return notes;
}

function readChoice(field: ChoiceField, value: unknown, problems: ProblemList): string | undefined {
  const allowed = CHOICE_FIELDS[field].map((entry) => entry.value as string);
  if (typeof value === 'string' && allowed.includes(value)) return value;
  problems.add(
    `${field}: must be one of ${allowed.join(', ')}, not ${typeof value === 'string' ? `the value ${quote(value)}` : describe(value)}`,
  );
  return undefined;
}

function readList(field: ListField, value: unknown, problems: ProblemList): string[] | undefined {
  const offered = LIST_FIELDS[field].map((entry) => entry.value as string);
  const allowed = [...offered, ...(DEPRECATED_VALUES[field] ?? []).map((entry) => entry.value)];
  // The allowed values are spelled out once per field, on its first problem.
  let allowedText = ` (allowed: ${offered.join(', ')})`;
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
