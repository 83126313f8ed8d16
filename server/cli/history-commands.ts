import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isCheckpointed } from '../history/checkpointer.ts';
import { CheckpointStore } from '../history/checkpoint-store.ts';
import {
  NoCheckpointError,
  restoreOffline,
  type RestoreResult,
} from '../history/restore-document.ts';
import { loadSigningSecret } from '../auth/signing-secret.ts';
import { TokenService } from '../auth/token-service.ts';
import { TokenStore } from '../auth/token-store.ts';
import { parseDocumentName } from '../../shared/documents/names.ts';
import { SqliteDocumentStore } from '../relay/sqlite-document-store.ts';
import { openDatabase } from '../storage/database.ts';
import { servingRelays } from '../storage/relay-lock.ts';
import { existingDatabase } from './backup-commands.ts';
import type { CliIo } from './run-cli.ts';
import { UsageError } from './usage-error.ts';

function documentArg(value: string | undefined): string {
  if (!value || !parseDocumentName(value) || !isCheckpointed(value))
    throw new UsageError(
      '--document must name a policy, registry or assessment document, e.g. main/registry',
    );
  return value;
}

/** `sightline history --data DIR --document W/registry`: one checkpoint a line, newest first (DR7). */
export async function historyCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { data: { type: 'string', default: '.sightline' }, document: { type: 'string' } },
    strict: true,
  });
  const document = documentArg(values.document);
  const db = openDatabase(existingDatabase(resolve(values.data)));
  try {
    const checkpoints = new CheckpointStore(db).list(document);
    if (checkpoints.length === 0) io.err(`no checkpoints of ${document} yet`);
    for (const { at, bytes } of checkpoints)
      io.out(`${new Date(at).toISOString()}  ${bytes} bytes`);
  } finally {
    db.close();
  }
  return 0;
}

/**
 * `sightline restore-document --data DIR --document W/registry --at ISO-TIME [--preview]` (DR8).
 * While a relay serves the folder, the relay does it (through its admin API, with a token this
 * command mints from the folder's secret and revokes after), so connected clients receive it live;
 * otherwise it is written into the store directly.
 */
export async function restoreDocumentCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      data: { type: 'string', default: '.sightline' },
      document: { type: 'string' },
      at: { type: 'string' },
      preview: { type: 'boolean', default: false },
    },
    strict: true,
  });
  const document = documentArg(values.document);
  const at = values.at ? Date.parse(values.at) : NaN;
  if (!Number.isFinite(at))
    throw new UsageError('--at must be an ISO-8601 time, e.g. 2026-12-07T09:00:00Z');
  const dataDir = resolve(values.data);
  const db = openDatabase(existingDatabase(dataDir));
  let result: RestoreResult;
  try {
    const relay = servingRelays(dataDir)[0];
    try {
      result = relay
        ? await restoreThroughRelay(relay.url, dataDir, db, document, at, values.preview)
        : restoreOffline(
            new SqliteDocumentStore(db),
            new CheckpointStore(db),
            document,
            at,
            values.preview,
          );
    } catch (error) {
      if (error instanceof NoCheckpointError) {
        io.err(`sightline: ${error.message}`);
        return 1;
      }
      throw error;
    }
  } finally {
    db.close();
  }
  const from = new Date(result.from).toISOString();
  io.out(
    values.preview
      ? `restoring ${document} to its checkpoint of ${from} would make ${result.changes.length} change(s):`
      : `restored ${document} to its checkpoint of ${from}: ${result.changes.length} change(s)`,
  );
  for (const change of result.changes) io.out(`  ${change}`);
  return 0;
}

async function restoreThroughRelay(
  url: string,
  dataDir: string,
  db: ReturnType<typeof openDatabase>,
  document: string,
  at: number,
  preview: boolean,
): Promise<RestoreResult> {
  const tokens = new TokenService(loadSigningSecret(dataDir), new TokenStore(db));
  const admin = await tokens.mint({
    workspace: parseDocumentName(document)!.workspace,
    role: 'admin',
    ttlMs: 300_000,
    kind: 'cli',
    label: 'sightline restore-document',
  });
  try {
    const response = await fetch(`${url}/api/history/restore`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${admin.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ document, at: new Date(at).toISOString(), preview }),
    });
    const body = (await response.json()) as {
      error?: string;
      from?: string;
      changes?: string[];
      applied?: boolean;
    };
    if (response.status === 404 && body.error) throw new NoCheckpointError(body.error);
    if (!response.ok)
      throw new Error(`the relay at ${url} refused: ${body.error ?? response.status}`);
    return {
      from: Date.parse(body.from!),
      changes: body.changes ?? [],
      applied: body.applied === true,
    };
  } finally {
    tokens.revoke(admin.id);
  }
}
