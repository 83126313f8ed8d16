import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { classifyEuAiAct } from '../../shared/classification/eu-ai-act.ts';
import { ProfileError } from '../../shared/classification/eu-ai-act-profile.ts';
import type { CliIo } from './run-cli.ts';
import { UsageError } from './usage-error.ts';

/** A use profile is a few hundred bytes; anything past this is not one. */
export const MAX_PROFILE_BYTES = 1024 * 1024;

export interface ClassifyIo extends CliIo {
  stdin: Readable;
}

class InputError extends Error {}

/**
 * `sightline classify <profile.json|-> [--explain]`: prints the EU AI Act category of a use profile
 * as one JSON object `{category, basis, obligations, duties}` (each duty: citation, text, binds,
 * appliesFrom). Exit 0 when classified; 1 when the file
 * cannot be read, is not JSON, or is not a valid profile (every problem on stderr, nothing on
 * stdout); 2 for a usage error.
 */
export async function classifyCommand(args: string[], io: ClassifyIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { explain: { type: 'boolean', default: false } },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1)
    throw new UsageError('classify needs exactly one profile file (JSON), or - for standard input');
  const source = positionals[0]!;
  const name = source === '-' ? 'standard input' : source;
  const fail = (message: string) => {
    io.err(`sightline classify: ${message}`);
    return 1;
  };

  let text: string;
  try {
    text = source === '-' ? await readStream(io.stdin) : await readProfileFile(source);
  } catch (error) {
    if (error instanceof InputError) return fail(`cannot read ${name}: ${error.message}`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code) return fail(`cannot read ${name}: ${code}`);
    throw error;
  }

  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return fail(`${name} is not valid JSON: ${printable((error as Error).message)}`);
  }

  let result;
  try {
    result = classifyEuAiAct(raw);
  } catch (error) {
    if (!(error instanceof ProfileError)) throw error;
    const count = error.problems.length;
    io.err(
      `sightline classify: ${name} is not a valid use profile (${count} problem${count === 1 ? '' : 's'}):`,
    );
    for (const problem of error.problems) io.err(`  - ${problem}`);
    io.err('See docs/classification.md for the fields and their values.');
    return 1;
  }

  const { category, basis, obligations } = result;
  // `duties` carries exactly these four keys: the rules entry id stays internal.
  const duties = result.duties.map(({ citation, text: duty, binds, appliesFrom }) => ({
    citation,
    text: duty,
    binds,
    appliesFrom,
  }));
  io.out(JSON.stringify({ category, basis, obligations, duties }));
  if (values.explain) {
    io.err(`${category}${basis.length > 0 ? ` (${basis.join(', ')})` : ''}`);
    for (const { citation, text: why } of result.explanations) io.err(`  ${citation}: ${why}`);
    for (const note of result.notes) io.err(`  note: ${note}`);
    io.err(`  role: ${result.role.effective}; EU AI Act rules version ${result.rulesVersion}`);
    io.err('A suggestion: a person confirms or overrides it, with a reason.');
  }
  return 0;
}

async function readProfileFile(path: string): Promise<string> {
  const file = await open(path, 'r');
  try {
    const info = await file.stat();
    if (!info.isFile()) throw new InputError('not a file');
    if (info.size > MAX_PROFILE_BYTES) throw tooLarge();
    return decode(await file.readFile());
  } finally {
    await file.close();
  }
}

async function readStream(stream: Readable): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += buffer.length;
    if (size > MAX_PROFILE_BYTES) {
      stream.destroy();
      throw tooLarge();
    }
    chunks.push(buffer);
  }
  return decode(Buffer.concat(chunks));
}

function decode(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError('not UTF-8 text');
  }
}

const tooLarge = () =>
  new InputError(`larger than ${MAX_PROFILE_BYTES / 1024 / 1024} MiB, which no use profile is`);

/** The parser quotes the input back: keep control characters out of the terminal. */
// eslint-disable-next-line no-control-regex
const printable = (text: string) => text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ');
