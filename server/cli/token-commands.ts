import { parseArgs } from 'node:util';
import { isRole } from '../../shared/auth/access.ts';
import { isValidSegment } from '../../shared/documents/names.ts';
import { parseDuration } from '../auth/duration.ts';
import { MAX_LIFETIME_MS, TokenService } from '../auth/token-service.ts';
import type { TokenStorage } from '../storage/relay-storage.ts';
import { storageOptions, withStorage, type StorageArgs } from './cli-storage.ts';
import type { CliIo } from './run-cli.ts';
import { tokenListCommand } from './token-list-command.ts';
import { UsageError } from './usage-error.ts';

/** Opens the token service of a data folder or a Postgres database for one command, and closes it after. */
function withTokens<T>(
  args: StorageArgs,
  work: (tokens: TokenService, store: TokenStorage) => Promise<T>,
): Promise<T> {
  return withStorage(args, async (storage) =>
    work(new TokenService(await storage.signingSecret(), storage.tokens), storage.tokens),
  );
}

/** `sightline token --workspace W --role R [--reporter ID] [--ttl 30d] [--label L] [--data DIR]`: prints one token alone. */
export async function tokenCommand(args: string[], io: CliIo): Promise<number> {
  if (args[0] === 'list') return tokenListCommand(args.slice(1), io);
  const { values } = parseArgs({
    args,
    options: {
      ...storageOptions,
      workspace: { type: 'string' },
      role: { type: 'string' },
      reporter: { type: 'string' },
      ttl: { type: 'string', default: '30d' },
      label: { type: 'string' },
      'max-reporters': { type: 'string' },
    },
    strict: true,
  });
  if (!isValidSegment(values.workspace))
    throw new UsageError('--workspace is required: 1–64 lower-case letters, digits, - or _');
  if (!isRole(values.role))
    throw new UsageError('--role must be admin, lead, contributor, member or pipeline');
  if (
    values.reporter !== undefined &&
    (values.role !== 'member' || !isValidSegment(values.reporter))
  ) {
    throw new UsageError(
      '--reporter is only for --role member, and must be 1–64 lower-case letters, digits, - or _',
    );
  }
  const ttlMs = parseDuration(values.ttl);
  if (ttlMs === undefined)
    throw new UsageError('--ttl must look like 30d, 12h or 90m (at most 10 years)');
  const kind = values.role === 'member' ? (values.reporter ? 'reporter' : 'enrolment') : 'cli';
  const ceiling = MAX_LIFETIME_MS[kind === 'reporter' ? 'reporter' : values.role];
  if (ttlMs > ceiling)
    throw new UsageError(
      `--ttl: a ${values.role} token lives at most ${Math.round(ceiling / 86_400_000)} days`,
    );
  const maxReporters =
    values['max-reporters'] === undefined ? undefined : Number(values['max-reporters']);
  if (
    maxReporters !== undefined &&
    (kind !== 'enrolment' || !Number.isInteger(maxReporters) || maxReporters < 1)
  )
    throw new UsageError(
      '--max-reporters is for enrolment codes (--role member without --reporter): a whole number from 1',
    );
  const minted = await withTokens(values, (tokens) =>
    tokens.mint({
      workspace: values.workspace!,
      role: values.role as never,
      ttlMs,
      kind,
      ...(values.reporter ? { reporterId: values.reporter } : {}),
      ...(maxReporters !== undefined ? { maxReporters } : {}),
      ...(values.label ? { label: values.label } : {}),
    }),
  );
  io.out(minted.token);
  io.err(`token id ${minted.id}, expires ${new Date(minted.expiresAt).toISOString()}`);
  return 0;
}

/**
 * `sightline revoke --id TOKEN_ID [--reporters] [--data DIR]`: takes effect on open connections
 * within a second or two; with `--reporters`, every reporter the enrolment code enrolled goes too (H4).
 */
export async function revokeCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...storageOptions,
      id: { type: 'string' },
      reporters: { type: 'boolean', default: false },
    },
    strict: true,
  });
  if (!values.id || !/^[a-f0-9]{32}$/.test(values.id))
    throw new UsageError('--id must be a token id (32 hex characters)');
  const id = values.id;
  const outcome = await withTokens(values, async (tokens, store) => {
    const revoked = await tokens.revoke(id);
    const reporters = values.reporters ? await store.revokeReportersOf(id, Date.now()) : 0;
    return { revoked, reporters };
  });
  if (values.reporters) io.out(`revoked ${outcome.reporters} reporters enrolled with ${id}`);
  if (!outcome.revoked) {
    io.err(`sightline revoke: no unrevoked token with id ${id}`);
    return values.reporters ? 0 : 1;
  }
  io.out(`revoked ${id}`);
  return 0;
}
