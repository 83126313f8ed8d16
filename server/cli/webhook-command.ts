import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import {
  addWebhook,
  parseEvents,
  readDeliveries,
  readWebhooks,
  removeWebhook,
} from '../../shared/documents/admin/webhooks.ts';
import { formatDocumentName, isValidSegment } from '../../shared/documents/names.ts';
import { TokenService } from '../auth/token-service.ts';
import type { RelayStorage } from '../storage/relay-storage.ts';
import { servingRelays } from '../storage/relay-lock.ts';
import { newWebhook } from '../webhooks/new-webhook.ts';
import { storageOptions, withStorage } from './cli-storage.ts';
import type { CliIo } from './run-cli.ts';
import { openStoredDocuments } from './stored-documents.ts';
import { UsageError } from './usage-error.ts';

/**
 * `sightline webhook add|list|remove` (docs/sync.md HOOK2). While a relay serves the folder, add
 * and remove go through its admin API (with a 5-minute admin token minted from the folder's secret
 * and revoked after), so the running relays use the change from the next event on; otherwise they
 * are appended to the stored `W/admin` document, which a relay reads when it starts. With
 * `--database` (Postgres), `list` reads the store; add and remove are refused: relays elsewhere
 * may hold the document, so a change goes through one of them.
 */
export async function webhookCommand(args: string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      ...storageOptions,
      workspace: { type: 'string' },
      url: { type: 'string' },
      events: { type: 'string' },
      format: { type: 'string' },
      id: { type: 'string' },
      'allow-private': { type: 'boolean', default: false },
    },
    strict: true,
  });
  const workspace = values.workspace;
  if (!isValidSegment(workspace)) throw new UsageError('--workspace W is required');
  const dataDir = resolve(values.data);
  if (verb === 'list') return listWebhooks(dataDir, values.database, workspace, io);
  if (verb !== 'add' && verb !== 'remove')
    throw new UsageError('webhook takes add, list or remove');
  // Relays on a shared Postgres may hold W/admin loaded, and would not see a change appended
  // to the store under them until they load it again: a change goes through a relay (HOOK2).
  if (values.database !== undefined)
    throw new UsageError(
      `webhook ${verb} with --database goes through a running relay: Settings → Webhooks, or its admin API (POST /api/webhooks, DELETE /api/webhooks/<id>); 'webhook list --database' reads them`,
    );
  if (verb === 'remove' && !values.id) throw new UsageError('webhook remove needs --id ID');
  if (verb === 'add' && !values.url) throw new UsageError('webhook add needs --url URL');
  if (values.events !== undefined) {
    try {
      parseEvents(values.events.split(','));
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
  }
  return withStorage(
    values,
    async (storage) => {
      const relay = servingRelays(dataDir)[0];
      if (relay) return changeThroughRelay(relay.url, storage, verb, workspace, values, io);
      const store = storage.documents('main');
      const name = formatDocumentName({ workspace, kind: 'admin' });
      const doc = new Y.Doc();
      const stored = await store.load(name);
      if (stored.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(stored));
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      let output: string;
      if (verb === 'add') {
        let webhook;
        try {
          webhook = await newWebhook(
            { url: values.url, events: values.events, format: values.format },
            'sightline webhook',
            { allowPrivate: values['allow-private'], allowHttp: values['allow-private'] },
          );
          addWebhook(doc, webhook);
        } catch (error) {
          throw new UsageError((error as Error).message);
        }
        output = JSON.stringify(webhook);
      } else {
        if (!removeWebhook(doc, values.id!)) {
          io.err(`sightline: no webhook ${values.id} in ${workspace}`);
          return 1;
        }
        output = `removed webhook ${values.id}`;
      }
      if (updates.length > 0)
        await store.appendMany(updates.map((update) => ({ document: name, update })));
      io.out(output);
      return 0;
    },
    { existing: true },
  );
}

/** Adds or removes through the admin API of the relay serving the folder, with a 5-minute token. */
async function changeThroughRelay(
  url: string,
  storage: RelayStorage,
  verb: 'add' | 'remove',
  workspace: string,
  values: {
    url?: string | undefined;
    events?: string | undefined;
    format?: string | undefined;
    id?: string | undefined;
  },
  io: CliIo,
): Promise<number> {
  const tokens = new TokenService(await storage.signingSecret(), storage.tokens);
  const admin = await tokens.mint({
    workspace,
    role: 'admin',
    ttlMs: 300_000,
    kind: 'cli',
    label: 'sightline webhook',
  });
  try {
    const response = await fetch(
      `${url}/api/webhooks${verb === 'remove' ? `/${encodeURIComponent(values.id!)}` : ''}`,
      {
        method: verb === 'add' ? 'POST' : 'DELETE',
        headers: { Authorization: `Bearer ${admin.token}`, 'Content-Type': 'application/json' },
        ...(verb === 'add'
          ? {
              body: JSON.stringify({
                url: values.url,
                ...(values.events ? { events: values.events.split(',') } : {}),
                ...(values.format ? { format: values.format } : {}),
              }),
            }
          : {}),
      },
    );
    const body = (await response.json()) as Record<string, unknown>;
    if (!response.ok) {
      io.err(`sightline: the relay at ${url} refused: ${String(body.error)}`);
      return 1;
    }
    io.out(verb === 'add' ? JSON.stringify(body) : `removed webhook ${values.id}`);
    return 0;
  } finally {
    await tokens.revoke(admin.id);
  }
}

/** One line a webhook: id, format, events, URL, and its latest delivery; never its secret. */
async function listWebhooks(
  dataDir: string,
  database: string | undefined,
  workspace: string,
  io: CliIo,
): Promise<number> {
  const stored = await openStoredDocuments(dataDir, database, workspace);
  try {
    const doc = stored.load(formatDocumentName({ workspace, kind: 'admin' }));
    const webhooks = readWebhooks(doc);
    if (webhooks.length === 0) io.err(`no webhooks in ${workspace}`);
    for (const webhook of webhooks) {
      const last = readDeliveries(doc, webhook.id).at(-1);
      const lastText = last
        ? `last ${last.ok ? 'ok' : 'failed'} ${last.status || ''} at ${new Date(last.at).toISOString()}${last.error ? ` (${last.error})` : ''}`
        : 'no deliveries yet';
      io.out(
        `${webhook.id}  ${webhook.format}  ${webhook.events.join(',')}  ${webhook.url}  ${lastText}`,
      );
    }
  } finally {
    stored.close();
  }
  return 0;
}
