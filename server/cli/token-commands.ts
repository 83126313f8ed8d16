import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isRole } from '../../shared/auth/access.ts';
import { isValidSegment } from '../../shared/documents/names.ts';
import { parseDuration } from '../auth/duration.ts';
import { loadSigningSecret } from '../auth/signing-secret.ts';
import { TokenService } from '../auth/token-service.ts';
import { TokenStore } from '../auth/token-store.ts';
import { databaseFile, openDatabase } from '../storage/database.ts';
import type { CliIo } from './run-cli.ts';
import { UsageError } from './usage-error.ts';

/** Opens the data folder's token service for one command, and closes it after. */
async function withTokens<T>(
  dataDir: string,
  work: (tokens: TokenService) => Promise<T>,
): Promise<T> {
  const db = openDatabase(databaseFile(dataDir));
  try {
    return await work(new TokenService(loadSigningSecret(dataDir), new TokenStore(db)));
  } finally {
    db.close();
  }
}

/** `sightline token --workspace W --role R [--reporter ID] [--ttl 30d] [--label L] [--data DIR]`: prints one token alone. */
export async function tokenCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string', default: '.sightline' },
      workspace: { type: 'string' },
      role: { type: 'string' },
      reporter: { type: 'string' },
      ttl: { type: 'string', default: '30d' },
      label: { type: 'string' },
    },
    strict: true,
  });
  if (!isValidSegment(values.workspace))
    throw new UsageError('--workspace is required: 1–64 lower-case letters, digits, - or _');
  if (!isRole(values.role))
    throw new UsageError('--role must be admin, lead, contributor or member');
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
  const minted = await withTokens(resolve(values.data), (tokens) =>
    tokens.mint({
      workspace: values.workspace!,
      role: values.role as never,
      ttlMs,
      kind: values.role === 'member' ? (values.reporter ? 'reporter' : 'enrolment') : 'cli',
      ...(values.reporter ? { reporterId: values.reporter } : {}),
      ...(values.label ? { label: values.label } : {}),
    }),
  );
  io.out(minted.token);
  io.err(`token id ${minted.id}, expires ${new Date(minted.expiresAt).toISOString()}`);
  return 0;
}

/** `sightline revoke --id TOKEN_ID [--data DIR]`: takes effect on open connections within a second or two. */
export async function revokeCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { data: { type: 'string', default: '.sightline' }, id: { type: 'string' } },
    strict: true,
  });
  if (!values.id || !/^[a-f0-9]{32}$/.test(values.id))
    throw new UsageError('--id must be a token id (32 hex characters)');
  const revoked = await withTokens(resolve(values.data), async (tokens) =>
    tokens.revoke(values.id!),
  );
  if (!revoked) {
    io.err(`sightline revoke: no unrevoked token with id ${values.id}`);
    return 1;
  }
  io.out(`revoked ${values.id}`);
  return 0;
}
