import {
  addWebhook,
  parseEvents,
  readDeliveries,
  readWebhooks,
  removeWebhook,
} from '../../shared/documents/admin/webhooks.ts';
import { formatDocumentName } from '../../shared/documents/names.ts';
import type { RelayStorage } from '../storage/relay-storage.ts';
import { servingRelays } from '../storage/relay-lock.ts';
import { newWebhook } from '../webhooks/new-webhook.ts';
import { withStorage } from './cli-storage.ts';
import { callRelayAsAdmin, changeStoredDocument } from './relay-admin-call.ts';
import type { CliIo } from './run-cli.ts';
import { openStoredDocuments } from './stored-documents.ts';
import { asUsageError, UsageError } from './usage-error.ts';
import { parseWorkspaceCommand } from './workspace-args.ts';

/**
 * `sightline webhook add|list|remove` (docs/sync.md HOOK2). While a relay serves the folder, add
 * and remove go through its admin API (with a 5-minute admin token minted from the folder's secret
 * and revoked after), so the running relays use the change from the next event on; otherwise they
 * are appended to the stored `W/admin` document, which a relay reads when it starts. With
 * `--database` (Postgres), `list` reads the store; add and remove are refused: relays elsewhere
 * may hold the document, so a change goes through one of them.
 */
export async function webhookCommand(args: string[], io: CliIo): Promise<number> {
  const { verb, values, workspace, dataDir } = parseWorkspaceCommand(args, {
    url: { type: 'string' },
    events: { type: 'string' },
    format: { type: 'string' },
    id: { type: 'string' },
    'allow-private': { type: 'boolean', default: false },
  });
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
  const events = values.events;
  if (events !== undefined) asUsageError(() => parseEvents(events.split(',')));
  return withStorage(
    values,
    async (storage) => {
      const relay = servingRelays(dataDir)[0];
      if (relay) return changeThroughRelay(relay.url, storage, verb, workspace, values, io);
      const name = formatDocumentName({ workspace, kind: 'admin' });
      if (verb === 'add') {
        const webhook = await newWebhook(
          { url: values.url, events: values.events, format: values.format },
          'sightline webhook',
          { allowPrivate: values['allow-private'], allowHttp: values['allow-private'] },
        ).catch((error: Error) => {
          throw new UsageError(error.message);
        });
        await changeStoredDocument(storage, name, (doc) =>
          asUsageError(() => addWebhook(doc, webhook)),
        );
        io.out(JSON.stringify(webhook));
        return 0;
      }
      if (!(await changeStoredDocument(storage, name, (doc) => removeWebhook(doc, values.id!)))) {
        io.err(`sightline: no webhook ${values.id} in ${workspace}`);
        return 1;
      }
      io.out(`removed webhook ${values.id}`);
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
  const answer = await callRelayAsAdmin(storage, url, {
    workspace,
    label: 'sightline webhook',
    ...(verb === 'add'
      ? {
          method: 'POST',
          path: '/api/webhooks',
          body: {
            url: values.url,
            ...(values.events ? { events: values.events.split(',') } : {}),
            ...(values.format ? { format: values.format } : {}),
          },
        }
      : { method: 'DELETE', path: `/api/webhooks/${encodeURIComponent(values.id!)}` }),
  });
  if (!answer.ok) {
    io.err(`sightline: the relay at ${url} refused: ${String(answer.body.error)}`);
    return 1;
  }
  io.out(verb === 'add' ? JSON.stringify(answer.body) : `removed webhook ${values.id}`);
  return 0;
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
