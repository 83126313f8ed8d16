import { resolve } from 'node:path';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { isValidSegment } from '../../shared/documents/names.ts';
import { storageOptions } from './cli-storage.ts';
import { UsageError } from './usage-error.ts';

const WORKSPACE_OPTIONS = { ...storageOptions, workspace: { type: 'string' } } as const;

/**
 * The words of a `sightline NOUN VERB --workspace W …` command (webhook, sso): its verb, its
 * options — the store's, `--workspace` and the command's own `options` — and the workspace and
 * data folder, checked before anything is opened. An unknown option is a usage error (strict).
 */
export function parseWorkspaceCommand<const O extends ParseArgsOptionsConfig>(
  args: string[],
  options: O,
) {
  const [verb, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: { ...WORKSPACE_OPTIONS, ...options } as typeof WORKSPACE_OPTIONS & O,
    strict: true,
  });
  // Generic in O, `values` is not narrowed here; these two are the WORKSPACE_OPTIONS ones.
  const { workspace, data } = values as { workspace?: string; data: string };
  if (!isValidSegment(workspace)) throw new UsageError('--workspace W is required');
  return { verb, values, workspace, dataDir: resolve(data) };
}
