import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { formatDocumentName, isValidSegment } from '../../shared/documents/names.ts';
import { isEmailAddress } from '../digests/address.ts';
import { digestOfDocuments, isEmptyDigest } from '../digests/digest-content.ts';
import { digestMessage } from '../digests/digest-message.ts';
import { latestPeriod } from '../digests/digest-period.ts';
import { SMTP_ARGS, readSmtpArgs } from '../digests/smtp-args.ts';
import { digestMessageId, smtpError, smtpMailer } from '../digests/smtp.ts';
import { digestPeriodOf, newDigestSubscription } from '../digests/new-subscription.ts';
import type { DigestPeriod } from '../storage/alert-storage.ts';
import { storageOptions, withStorage } from './cli-storage.ts';
import type { CliIo } from './run-cli.ts';
import { openStoredDocuments } from './stored-documents.ts';
import { UsageError } from './usage-error.ts';

const VERBS = ['add', 'list', 'remove', 'preview', 'send-now'] as const;

const usage = <T>(check: () => T): T => {
  try {
    return check();
  } catch (error) {
    throw new UsageError((error as Error).message.replace(/^every /, '--every '));
  }
};

/**
 * `sightline digest add|list|remove|preview|send-now` (docs/sync.md DIG5, DIG10): e-mail digest
 * subscriptions, kept in the relays' store (the data folder's SQLite or `--database`'s Postgres),
 * which every relay reads each time it looks for digests to send: a change counts from the next
 * look, with no restart. Every argument is checked before the store is opened.
 */
export async function digestCommand(args: string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      ...storageOptions,
      ...SMTP_ARGS,
      workspace: { type: 'string' },
      to: { type: 'string' },
      every: { type: 'string' },
      id: { type: 'string' },
    },
    strict: true,
  });
  if (!(VERBS as readonly string[]).includes(verb ?? ''))
    throw new UsageError('digest takes add, list, remove, preview or send-now');
  const workspace = values.workspace;
  if (!isValidSegment(workspace)) throw new UsageError('--workspace W is required');
  const every: DigestPeriod = usage(() => digestPeriodOf(values.every));
  const to = values.to?.trim();
  if (to !== undefined && !isEmailAddress(to))
    throw new UsageError('--to is one e-mail address, such as lead@example.com');
  if (verb === 'add') {
    if (to === undefined)
      throw new UsageError(
        'digest add needs --to with one e-mail address, such as lead@example.com',
      );
    return withStorage(
      values,
      async (storage) => {
        const existing = await storage.alerts.digests(workspace);
        const digest = usage(() =>
          newDigestSubscription(existing, { workspace, to, every }, 'sightline digest', Date.now()),
        );
        await storage.alerts.addDigest(digest);
        io.out(JSON.stringify(digest));
        return 0;
      },
      { existing: true },
    );
  }
  if (verb === 'remove') {
    if (!values.id) throw new UsageError('digest remove needs --id ID');
    const id = values.id;
    return withStorage(
      values,
      async (storage) => {
        if (!(await storage.alerts.removeDigest(workspace, id))) {
          io.err(`sightline: no digest ${id} in ${workspace}`);
          return 1;
        }
        io.out(`removed digest ${id}`);
        return 0;
      },
      { existing: true },
    );
  }
  if (verb === 'list')
    return withStorage(
      values,
      async (storage) => {
        const digests = await storage.alerts.digests(workspace);
        const log = await storage.alerts.digestLog(workspace, 500);
        if (digests.length === 0) io.err(`no digests in ${workspace}`);
        for (const d of digests) {
          const last = log.find((entry) => entry.subscriptionId === d.id);
          const lastText = last
            ? `last ${last.periodKey} ${last.status}${last.attempt > 1 ? ` after ${last.attempt} attempts` : ''}${last.error ? ` (${last.error})` : ''}`
            : 'none sent yet';
          io.out(`${d.id}  ${d.every}  ${d.address}  ${lastText}`);
        }
        return 0;
      },
      { existing: true },
    );
  // preview and send-now: the latest period's digest from the stored documents, now.
  const smtp = verb === 'send-now' ? readSmtpArgs(values, process.env, process.cwd()) : undefined;
  if (verb === 'send-now' && !smtp)
    throw new UsageError(
      'digest send-now needs --smtp-url (or --smtp-url-file, or SIGHTLINE_SMTP_URL) and --smtp-from',
    );
  return withStorage(
    values,
    async (storage) => {
      const recipients =
        to !== undefined
          ? [{ id: 'send-now', address: to }]
          : (await storage.alerts.digests(workspace)).filter((d) => d.every === every);
      if (verb === 'send-now' && recipients.length === 0)
        throw new UsageError(
          `no ${every} digest in ${workspace}: name a recipient with --to, or add one first`,
        );
      const now = Date.now();
      const latest = latestPeriod(every, now);
      const stored = await openStoredDocuments(resolve(values.data), values.database, workspace);
      let content;
      try {
        content = digestOfDocuments({
          registry: stored.load(formatDocumentName({ workspace, kind: 'registry' })),
          discoveries: stored.load(formatDocumentName({ workspace, kind: 'discoveries' })),
          period: latest,
          now,
        });
      } finally {
        stored.close();
      }
      const message = digestMessage({ workspace, every, period: latest, now, content });
      if (verb === 'preview') {
        io.out(`Subject: ${message.subject}`);
        io.out('');
        io.out(message.text);
        if (isEmptyDigest(content)) io.err('(nothing new and nothing due: this would not be sent)');
        return 0;
      }
      if (isEmptyDigest(content)) {
        io.err(`nothing new and nothing due in ${workspace} for ${latest.key}: nothing sent`);
        return 0;
      }
      const mailer = smtpMailer(smtp!);
      let failed = 0;
      try {
        for (const recipient of recipients) {
          try {
            await mailer.send(
              recipient.address,
              message,
              digestMessageId(smtp!.from, `${recipient.id}-now-${now}`, latest.key),
            );
            io.out(`sent the ${every} digest of ${workspace} to ${recipient.address}`);
          } catch (error) {
            failed++;
            io.err(`sightline: sending to ${recipient.address} failed: ${smtpError(error)}`);
          }
        }
      } finally {
        mailer.close();
      }
      return failed > 0 ? 1 : 0;
    },
    { existing: true },
  );
}
