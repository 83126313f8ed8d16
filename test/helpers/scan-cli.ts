import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const cli = join(import.meta.dirname, '..', '..', 'server', 'cli.ts');

/** Runs the real command line, as `npm run -s sightline -- scan …` does. */
export function scan(args: string[], stdin?: string | Buffer) {
  const result = spawnSync(process.execPath, [cli, 'scan', ...args], {
    input: stdin,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The scan's JSON lines, one object each. */
export const jsonl = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
