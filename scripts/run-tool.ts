import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..');

/** Runs a tool from node_modules/.bin in the repository root; throws when it fails. */
export function runTool(
  tool: string,
  args: string[],
  options: { quiet?: boolean; env?: NodeJS.ProcessEnv } = {},
): void {
  const result = spawnSync(join(root, 'node_modules', '.bin', tool), args, {
    cwd: root,
    env: { ...process.env, ...options.env },
    stdio: options.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    const output = options.quiet ? `\n${result.stdout ?? ''}${result.stderr ?? ''}` : '';
    throw new Error(
      `${tool} ${args.join(' ')} failed (exit ${result.status ?? result.signal})${output}`,
    );
  }
}
