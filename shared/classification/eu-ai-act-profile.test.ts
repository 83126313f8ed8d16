import { describe, expect, it } from 'vitest';
import {
  MAX_LISTED_PROBLEMS,
  PROFILE_FIELDS,
  ProfileError,
  parseEuAiActProfile,
} from './eu-ai-act-profile.ts';
import { classifyEuAiAct } from './eu-ai-act.ts';

/** The problems a profile is rejected for; fails the test when it is accepted. */
function problems(raw: unknown): string[] {
  try {
    classifyEuAiAct(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileError);
    expect((error as ProfileError).message).toContain((error as ProfileError).problems[0]);
    return (error as ProfileError).problems;
  }
  throw new Error(`accepted ${JSON.stringify(raw)?.slice(0, 200)}`);
}

describe('the use profile', () => {
  it('fills in every field that is not given', () => {
    expect(parseEuAiActProfile({ deepFake: true, annexIII: ['migration.applications'] })).toEqual({
      role: 'deployer',
      art25: [],
      prohibitedPractices: [],
      annexISafetyComponent: false,
      annexIII: ['migration.applications'],
      art63: [],
      profilesNaturalPersons: false,
      interactsWithPeople: false,
      generatesSyntheticContent: false,
      emotionRecognition: false,
      deepFake: true,
      publicInterestText: false,
    });
  });

  it('takes the role, the Art. 25 triggers, the Annex I section and the categorisation answer', () => {
    expect(
      parseEuAiActProfile({
        role: 'provider-and-deployer',
        art25: ['changed-intended-purpose', 'own-name-or-trademark'],
        annexISafetyComponent: true,
        annexISection: 'B',
        biometricCategorisation: 'other-attributes',
      }),
    ).toMatchObject({
      role: 'provider-and-deployer',
      art25: ['own-name-or-trademark', 'changed-intended-purpose'],
      annexISection: 'B',
      biometricCategorisation: 'other-attributes',
    });
    expect(problems({ role: 'user', annexISection: 'C', biometricCategorisation: true })).toEqual([
      'role: must be one of deployer, provider, provider-and-deployer, not the value "user"',
      'annexISection: must be one of A, B, not the value "C"',
      'biometricCategorisation: must be one of prohibited-traits, sensitive-or-protected-attributes, other-attributes, not true',
    ]);
  });

  it('accepts an object without a prototype, and one parsed from JSON', () => {
    const bare = Object.assign(Object.create(null) as object, { interactsWithPeople: true });
    expect(classifyEuAiAct(bare).category).toBe('transparency');
    expect(classifyEuAiAct(JSON.parse('{"interactsWithPeople":true}')).category).toBe(
      'transparency',
    );
  });
});

describe('hostile input is a ProfileError, never a silent "minimal"', () => {
  it.each([
    ['null', null, 'not null'],
    ['undefined', undefined, 'not undefined'],
    ['a string', '{"deepFake":true}', 'not the text'],
    ['a number', 42, 'not the number 42'],
    ['a boolean', true, 'not true'],
    ['a list', [{ deepFake: true }], 'not a list of 1 entry'],
    ['a date', new Date(0), 'not an object'],
    ['a map', new Map([['deepFake', true]]), 'not an object'],
    ['a function', () => ({}), 'not a function'],
  ])('the profile as %s', (_name, raw, message) => {
    expect(problems(raw)).toEqual([
      expect.stringMatching(new RegExp(`^the profile must be a JSON object, ${message}`)),
    ]);
  });

  it('an unknown field, however it is spelled', () => {
    for (const field of ['annexIII ', 'AnnexIII', 'annex3', 'category', 'constructor', 'toString'])
      expect(problems({ [field]: [] })).toEqual([
        expect.stringMatching(new RegExp(`^unknown field ${JSON.stringify(field)}.*annexIII`)),
      ]);
    expect(problems(JSON.parse('{"__proto__": {"deepFake": true}}'))).toEqual([
      expect.stringMatching(/^unknown field "__proto__"/),
    ]);
  });

  it.each([
    ['prohibitedPractices', 'emotion-recognition'],
    ['prohibitedPractices', 'Social-Scoring'],
    ['annexIII', 'employment'],
    ['annexIII', 'Annex III 4(a)'],
    ['annexIII', 'employment.recruitment '],
    ['art63', 'narrow procedural task'],
  ])('an unknown value in %s: %j', (field, value) => {
    expect(problems({ [field]: [value] })).toEqual([
      expect.stringMatching(
        new RegExp(
          `^${field}\\[0\\]: unknown value ${JSON.stringify(value).replace(/[()]/g, '\\$&')} \\(allowed: `,
        ),
      ),
    ]);
  });

  it.each(['annexISafetyComponent', 'profilesNaturalPersons', 'deepFake', 'publicInterestText'])(
    '%s must be a boolean',
    (field) => {
      for (const [value, shown] of [
        ['yes', 'the text "yes"'],
        ['true', 'the text "true"'],
        [1, 'the number 1'],
        [0, 'the number 0'],
        [null, 'null'],
        [[true], 'a list of 1 entry'],
        [{}, 'an object'],
      ] as const)
        expect(problems({ [field]: value })).toEqual([
          `${field}: must be true or false, not ${shown}`,
        ]);
    },
  );

  it.each(['prohibitedPractices', 'annexIII', 'art63'])('%s must be a list', (field) => {
    for (const value of ['migration', true, null, 3, { 0: 'migration' }])
      expect(problems({ [field]: value })).toEqual([
        expect.stringMatching(
          new RegExp(`^${field}: must be a list of values, not .* \\(allowed: `),
        ),
      ]);
  });

  it('a list of garbage: every entry is a problem, the allowed values spelled out once', () => {
    const listed = problems({
      annexIII: [null, 7, {}, ['migration'], true, 'migration', 'migration', ''],
    });
    expect(listed).toEqual([
      expect.stringMatching(
        /^annexIII\[0\]: must be one of the allowed values, not null \(allowed: biometrics\.remote-identification, .*justice\.elections\)$/,
      ),
      'annexIII[1]: must be one of the allowed values, not the number 7',
      'annexIII[2]: must be one of the allowed values, not an object',
      'annexIII[3]: must be one of the allowed values, not a list of 1 entry',
      'annexIII[4]: must be one of the allowed values, not true',
      'annexIII[6]: "migration" is listed twice',
      'annexIII[7]: unknown value ""',
    ]);
  });

  it('lists every problem of every field at once', () => {
    const listed = problems({
      prohibitedPractices: ['social-scoring', 'mind-reading'],
      annexISafetyComponent: 'no',
      annexIII: 'employment.recruitment',
      art63: [4],
      profilesNaturalPersons: null,
      interactsWithPeople: true,
      colour: 'blue',
      deepFake: 0,
    });
    expect(listed.map((line) => line.split(':')[0])).toEqual([
      'prohibitedPractices[1]',
      'annexISafetyComponent',
      'annexIII',
      'art63[0]',
      'profilesNaturalPersons',
      'unknown field "colour" (the fields are role, art25, prohibitedPractices, annexISafetyComponent, annexISection, annexIII, art63, profilesNaturalPersons, interactsWithPeople, generatesSyntheticContent, emotionRecognition, biometricCategorisation, deepFake, publicInterestText)',
      'deepFake',
    ]);
    const error = (() => {
      try {
        parseEuAiActProfile({ colour: 'blue', deepFake: 0 });
      } catch (e) {
        return e as ProfileError;
      }
    })()!;
    expect(error.name).toBe('ProfileError');
    expect(error.message).toMatch(
      /^invalid use profile \(2 problems\):\n {2}- unknown field "colour"/,
    );
    expect(error.message).toMatch(/\n {2}- deepFake: must be true or false, not the number 0$/);
  });

  it('a huge list is one problem, without reading its entries', () => {
    const huge = Array.from({ length: 1_000_000 }, () => 'migration');
    const started = performance.now();
    expect(problems({ annexIII: huge })).toEqual([
      'annexIII: has 1000000 entries, but there are only 27 allowed values, each at most once',
    ]);
    expect(problems({ art63: ['preparatory-task', 'preparatory-task', 'x', 'y', 'z'] })).toEqual([
      'art63: has 5 entries, but there are only 4 allowed values, each at most once',
    ]);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('a huge number of unknown fields is counted, and only the first are listed', () => {
    const raw: Record<string, boolean> = {};
    for (let i = 0; i < 200_000; i++) raw[`field${i}`] = true;
    const listed = problems(raw);
    expect(listed).toHaveLength(MAX_LISTED_PROBLEMS + 1);
    expect(listed[0]).toMatch(/^unknown field "field0"/);
    expect(listed.at(-1)).toBe(`… and ${200_000 - MAX_LISTED_PROBLEMS} more problems`);
  });

  it('a huge or hostile text is cut and escaped in the message', () => {
    const long = 'x'.repeat(5_000_000);
    const [problem] = problems({ [long]: true, annexIII: [long] });
    expect(problem!.length).toBeLessThan(400);
    const [escape] = problems({ annexIII: ['\u001b[2J\u009b31m\u2028'] });
    expect(escape).toMatch(
      /^annexIII\[0\]: unknown value "\\u001b\[2J\\u009b31m\\u2028" \(allowed: /,
    );
    // eslint-disable-next-line no-control-regex
    expect(escape).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028]/);
  });

  it('a deeply nested value is described, not walked', () => {
    let nested: unknown = 'migration';
    for (let i = 0; i < 100_000; i++) nested = [nested];
    expect(problems({ annexIII: nested })).toEqual([
      expect.stringMatching(
        /^annexIII\[0\]: must be one of the allowed values, not a list of 1 entry \(allowed: /,
      ),
    ]);
  });

  it('knows exactly the fields of the issue', () => {
    expect(PROFILE_FIELDS).toEqual([
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
    ]);
  });
});
