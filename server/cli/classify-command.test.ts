import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/temp-dir.ts';

const cli = join(import.meta.dirname, '..', 'cli.ts');
const dir = tempDir();
afterAll(() => dir.remove());

/** Runs the real command line, as `npm run -s sightline -- classify …` does. */
function classify(args: string[], stdin?: string) {
  const result = spawnSync(process.execPath, [cli, 'classify', ...args], {
    input: stdin,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string | Buffer | object): string {
  const path = join(dir.path, name);
  writeFileSync(
    path,
    typeof content === 'string' || Buffer.isBuffer(content) ? content : JSON.stringify(content),
  );
  return path;
}

describe('sightline classify', () => {
  it('prints exactly one JSON object with category, basis and obligations', () => {
    const { code, stdout, stderr } = classify([
      file('recruiting.json', {
        annexIII: ['employment.recruitment'],
        interactsWithPeople: true,
      }),
    ]);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.endsWith('\n')).toBe(true);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['category', 'basis', 'obligations', 'duties']);
    expect(result.category).toBe('high-risk');
    // Each duty: who it binds and the day it applies from (Annex III regime: 2 Dec 2027, as amended).
    const duties = result.duties as Record<string, unknown>[];
    for (const duty of duties)
      expect(Object.keys(duty)).toEqual(['citation', 'text', 'binds', 'appliesFrom']);
    expect(duties).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          citation: 'Art. 26(6)',
          binds: 'deployer',
          appliesFrom: '2027-12-02',
        }),
        expect.objectContaining({
          citation: 'Art. 16',
          binds: 'provider',
          appliesFrom: '2027-12-02',
        }),
        expect.objectContaining({
          citation: 'Art. 50(1)',
          binds: 'provider',
          appliesFrom: '2026-08-02',
        }),
        expect.objectContaining({
          citation: 'Art. 4',
          binds: 'deployer',
          appliesFrom: '2025-02-02',
        }),
      ]),
    );
    expect(result.basis).toEqual(['Annex III 4(a)']);
    expect(result.obligations).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Art\. 26: /),
        expect.stringMatching(/^Art\. 50\(1\): /),
      ]),
    );
  });

  it.each([
    [
      { prohibitedPractices: ['emotion-recognition-workplace-education'] },
      'prohibited',
      ['Art. 5(1)(f)'],
    ],
    [{ annexISafetyComponent: true }, 'high-risk', ['Art. 6(1)']],
    [{ annexIII: ['critical-infrastructure'] }, 'high-risk', ['Annex III 2']],
    [
      { annexIII: ['justice.judicial'], art63: ['narrow-procedural-task'] },
      'minimal',
      ['Art. 6(3)'],
    ],
    [{ generatesSyntheticContent: true }, 'transparency', ['Art. 50(2)']],
    // The 2026 amendment (review E1): a nudifier is prohibited, no longer "transparency".
    [
      { prohibitedPractices: ['non-consensual-intimate-imagery'], generatesSyntheticContent: true },
      'prohibited',
      ['Art. 5(1)(ba)'],
    ],
    [{ prohibitedPractices: ['child-sexual-abuse-material'] }, 'prohibited', ['Art. 5(1)(bb)']],
    [{}, 'minimal', []],
  ])('%j → %s %j', (profile, category, basis) => {
    const { code, stdout } = classify([file('profile.json', profile)]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ category, basis });
  });

  it('reads standard input with -, and a file with a byte-order mark', () => {
    expect(JSON.parse(classify(['-'], '{"deepFake": true}').stdout)).toMatchObject({
      category: 'transparency',
      basis: ['Art. 50(2)', 'Art. 50(4)'],
    });
    expect(classify([file('bom.json', '\uFEFF{"interactsWithPeople":true}')]).code).toBe(0);
  });

  it('explains on stderr with --explain, and stdout stays one JSON object', () => {
    const { code, stdout, stderr } = classify([
      '--explain',
      file('derogation.json', {
        annexIII: ['employment.recruitment'],
        art63: ['preparatory-task'],
        profilesNaturalPersons: true,
      }),
    ]);
    expect(code).toBe(0);
    expect(Object.keys(JSON.parse(stdout) as object)).toEqual([
      'category',
      'basis',
      'obligations',
      'duties',
    ]);
    expect(stderr).toMatch(
      /^high-risk \(Annex III 4\(a\)\)\n {2}Annex III 4\(a\): High-risk under Art\. 6\(2\)/,
    );
    expect(stderr).toMatch(/note: Art\. 6\(3\): .*profiles natural persons/);
    expect(stderr).toMatch(/a person confirms or overrides it/);
    expect(stderr).toMatch(/role: deployer; EU AI Act rules version eu-ai-act-2026-12/);
  });

  it('lists every problem of an invalid profile on stderr, exits 1, prints nothing on stdout', () => {
    const { code, stdout, stderr } = classify([
      file('bad.json', {
        annexIII: ['employment', 'migration', 'migration'],
        deepFake: 'yes',
        colour: 'blue',
      }),
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    const lines = stderr.trim().split('\n');
    expect(lines[0]).toMatch(
      /^sightline classify: .*bad\.json is not a valid use profile \(4 problems\):$/,
    );
    expect(lines.slice(1, 5)).toEqual([
      expect.stringMatching(/^ {2}- annexIII\[0\]: unknown value "employment" \(allowed: /),
      '  - annexIII[2]: "migration" is listed twice',
      '  - deepFake: must be true or false, not the text "yes"',
      expect.stringMatching(/^ {2}- unknown field "colour"/),
    ]);
    expect(lines.at(-1)).toMatch(/docs\/classification\.md/);
  });

  it.each([
    ['null', 'null', /must be a JSON object, not null/],
    ['a list', '[]', /must be a JSON object, not a list of 0 entries/],
    ['a string', '"minimal"', /must be a JSON object, not the text "minimal"/],
  ])('rejects %s as the profile (exit 1)', (_name, json, message) => {
    const { code, stdout, stderr } = classify([file('not-object.json', json)]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(message);
  });

  it.each([
    ['empty', ''],
    ['truncated', '{"annexIII": ["migration"'],
    ['trailing comma', '{"deepFake": true,}'],
    ['JavaScript, not JSON', '{deepFake: true}'],
    ['two objects', '{}{}'],
  ])('rejects invalid JSON (%s) with exit 1 and a clear message', (_name, text) => {
    const { code, stdout, stderr } = classify([file('broken.json', text)]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^sightline classify: .*broken\.json is not valid JSON: /);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('fails clearly for a missing file, a folder, binary data and a huge file', () => {
    const missing = classify([join(dir.path, 'nope.json')]);
    expect(missing).toMatchObject({ code: 1, stdout: '' });
    expect(missing.stderr).toMatch(/cannot read .*nope\.json: ENOENT/);
    expect(classify([dir.path])).toMatchObject({ code: 1, stdout: '' });
    expect(classify([dir.path]).stderr).toMatch(/cannot read .*: not a file/);
    expect(classify([file('binary.json', Buffer.from([0xff, 0xfe, 0x00, 0x81]))]).stderr).toMatch(
      /cannot read .*: not UTF-8 text/,
    );
    const huge = classify([
      file('huge.json', `{"deepFake": true, "pad": "${'x'.repeat(2 << 20)}"}`),
    ]);
    expect(huge).toMatchObject({ code: 1, stdout: '' });
    expect(huge.stderr).toMatch(/larger than 1 MiB/);
    const hugeStdin = classify(['-'], ' '.repeat(2 << 20));
    expect(hugeStdin).toMatchObject({ code: 1, stdout: '' });
    expect(hugeStdin.stderr).toMatch(/cannot read standard input: larger than 1 MiB/);
  });

  it.skipIf(process.getuid?.() === 0)('fails clearly for a file it may not read', () => {
    const locked = file('locked.json', '{}');
    chmodSync(locked, 0o000);
    expect(classify([locked])).toMatchObject({ code: 1, stdout: '' });
    expect(classify([locked]).stderr).toMatch(/cannot read .*locked\.json: EACCES/);
  });

  it('keeps control characters from the file out of the terminal', () => {
    const { stderr } = classify([file('escape.json', '{"a": \u001b[2J}')]);
    expect(stderr).toMatch(/not valid JSON/);
    // eslint-disable-next-line no-control-regex
    expect(stderr.trimEnd()).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
  });

  it.each([
    ['no file', []],
    ['two files', ['a.json', 'b.json']],
    ['an unknown option', ['--format', 'table', 'a.json']],
  ])('is a usage error with %s (exit 2)', (_name, args) => {
    const { code, stdout, stderr } = classify(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^sightline: .+\nRun 'sightline help' for usage\.\n$/);
  });

  it('is listed in the help', () => {
    const result = spawnSync(process.execPath, [cli, 'help'], { encoding: 'utf8' });
    expect(result.stdout).toMatch(/classify <profile\.json\|-> \[--explain\]/);
  });
});
