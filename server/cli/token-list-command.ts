import { parseArgs } from 'node:util';
import { isValidSegment } from '../../shared/documents/names.ts';
import type { TokenRecord } from '../auth/token-store.ts';
import { storageOptions, withStorage } from './cli-storage.ts';
import type { CliIo } from './run-cli.ts';
import { UsageError } from './usage-error.ts';

const iso = (at: number | null) => (at === null ? '-' : new Date(at).toISOString());
const status = (record: TokenRecord, now: number) =>
  record.revokedAt !== null ? 'revoked' : record.expiresAt <= now ? 'expired' : 'active';

/**
 * `sightline token list --workspace W [--code ID] [--data DIR | --database URL]`: the workspace's invitations and
 * enrolment codes, one a line, with who minted each and each code's reporters (docs/sync.md H2,
 * H8); with `--code`, the reporters that code enrolled. Tab-separated, never a token.
 */
export async function tokenListCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...storageOptions,
      workspace: { type: 'string' },
      code: { type: 'string' },
    },
    strict: true,
  });
  if (!isValidSegment(values.workspace))
    throw new UsageError('--workspace is required: 1–64 lower-case letters, digits, - or _');
  if (values.code !== undefined && !/^[a-f0-9]{32}$/.test(values.code))
    throw new UsageError('--code must be an enrolment code’s token id (32 hex characters)');
  const workspace = values.workspace;
  return withStorage(values, async ({ tokens: store }) => {
    const now = Date.now();
    if (values.code !== undefined) {
      const code = await store.get(values.code);
      if (!code || code.workspace !== values.workspace || code.kind !== 'enrolment') {
        io.err(`sightline token list: no enrolment code ${values.code} in ${values.workspace}`);
        return 1;
      }
      const enrolled = await store.enrolled(code.id);
      io.err(`${enrolled.count} reporters, ${enrolled.active} not revoked`);
      io.out(['id', 'reporter', 'enrolled', 'last seen', 'status'].join('\t'));
      for (const reporter of await store.reportersOf(code.id))
        io.out(
          [
            reporter.id,
            reporter.reporterId ?? '-',
            iso(reporter.createdAt),
            iso(reporter.lastSeenAt),
            status(reporter, now),
          ].join('\t'),
        );
      return 0;
    }
    io.out(
      [
        'id',
        'kind',
        'role',
        'label',
        'created',
        'expires',
        'status',
        'minted by',
        'reporters',
      ].join('\t'),
    );
    for (const record of await store.list(workspace)) {
      const by = record.mintedBy === null ? undefined : await store.get(record.mintedBy);
      const mintedBy =
        record.mintedBy === null
          ? 'command line'
          : `${record.mintedBy}${by ? ` (${by.label ?? by.role})` : ''}`;
      let reporters = '-';
      if (record.kind === 'enrolment') {
        const enrolled = await store.enrolled(record.id);
        reporters = `${enrolled.count}${record.maxReporters !== null ? `/${record.maxReporters}` : ''} (${enrolled.active} active, last seen ${iso(enrolled.lastSeenAt)})`;
      }
      io.out(
        [
          record.id,
          record.kind,
          record.role,
          record.label ?? '-',
          iso(record.createdAt),
          iso(record.expiresAt),
          status(record, now),
          mintedBy,
          reporters,
        ].join('\t'),
      );
    }
    return 0;
  });
}
