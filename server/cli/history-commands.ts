import { parseArgs } from 'node:util';
import { isCheckpointed } from '../history/checkpointer.ts';
import {
  NoCheckpointError,
  restoreOffline,
  type RestoreResult,
} from '../history/restore-document.ts';
import { TokenService } from '../auth/token-service.ts';
import { parseDocumentName } from '../../shared/documents/names.ts';
import { servingRelays } from '../storage/relay-lock.ts';
import type { RelayStorage } from '../storage/relay-storage.ts';
import { storageOptions, withStorage } from './cli-storage.ts';
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
    options: { ...storageOptions, document: { type: 'string' } },
    strict: true,
  });
  const document = documentArg(values.document);
  const checkpoints = await withStorage(values, (storage) => storage.checkpoints.list(document), {
    existing: true,
  });
  if (checkpoints.length === 0) io.err(`no checkpoints of ${document} yet`);
  for (const { at, bytes } of checkpoints) io.out(`${new Date(at).toISOString()}  ${bytes} bytes`);
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
      ...storageOptions,
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
  let result: RestoreResult;
  try {
    result = await withStorage(
      values,
      async (storage, dataDir) => {
        // A relay serving the data folder; with --database, one may serve anywhere: the command
        // then writes the store, and the relays show it when they next load the document.
        const relay = values.database === undefined ? servingRelays(dataDir)[0] : undefined;
        return relay
          ? restoreThroughRelay(relay.url, storage, document, at, values.preview)
          : restoreOffline(
              storage.documents('main'),
              storage.checkpoints,
              document,
              at,
              values.preview,
            );
      },
      { existing: true },
    );
  } catch (error) {
    if (error instanceof NoCheckpointError) {
      io.err(`sightline: ${error.message}`);
      return 1;
    }
    throw error;
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
  storage: RelayStorage,
  document: string,
  at: number,
  preview: boolean,
): Promise<RestoreResult> {
  const tokens = new TokenService(await storage.signingSecret(), storage.tokens);
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
    await tokens.revoke(admin.id);
  }
}
