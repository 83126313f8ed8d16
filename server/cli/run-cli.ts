import type { Readable, Writable } from 'node:stream';
import { backupCommand, restoreCommand } from './backup-commands.ts';
import { classifyCommand } from './classify-command.ts';
import { inventoryCommand } from './inventory-command.ts';
import { historyCommand, restoreDocumentCommand } from './history-commands.ts';
import { demoCommand } from './demo-command.ts';
import { exportCommand } from './export-command.ts';
import { scanCommand } from './scan-command.ts';
import { serveCommand } from './serve-command.ts';
import { revokeCommand, tokenCommand } from './token-commands.ts';
import { UsageError } from './usage-error.ts';
import { webhookCommand } from './webhook-command.ts';
import { digestCommand } from './digest-command.ts';
import { ssoCommand } from '../oidc/sso-command.ts';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Raw stderr text without a newline (progress lines); defaults to nothing. */
  writeErr?(text: string): void;
  stdin?: Readable;
  stdout?: Writable;
  stderrIsTty?: boolean;
  /** Whether stdout is a terminal (a token is shown only there); false unless said. */
  stdoutIsTty?: boolean;
}

const HELP = `Usage: sightline <command> [options]

Commands:
  serve [--port 8787] [--host 127.0.0.1] [--data .sightline] [--pwa DIR] [--redis URL] [--demo]
        [--checkpoint-interval 3600] [--checkpoint-retention 1d,7d,90d] [--log-format text|json]
        [--metrics-port N] [--metrics-host 127.0.0.1] [--webhook-allow-private]
        [--trust-proxy CIDR,…] [--alert-scan-interval 300]
        [--oidc-issuer URL --oidc-client-id ID --oidc-client-secret-file FILE [--public-url URL]
         [--oidc-name NAME] [--oidc-scopes "openid profile email"] [--oidc-groups-claim groups]
         [--oidc-session-ttl 12h]]  (or the secret in SIGHTLINE_OIDC_CLIENT_SECRET)
        [--smtp-url smtp://HOST:587 | --smtp-url-file FILE --smtp-from ADDRESS]  (e-mail digests)
        Serve the PWA and the sync relay (ws://HOST:PORT/sync) on one port. Shared documents
        are checkpointed every interval (seconds); all kept for the first duration, then one
        an hour, then one a day.
  scan <file|-> [--format jsonl|csv|table]
        Match a network log (hosts, URLs, or a CSV with a host/hostname/domain/url column)
        against the AI catalog. Matches go to stdout, a summary to stderr.
  token --workspace W --role admin|lead|contributor|member|pipeline [--reporter ID] [--ttl 30d]
        [--label TEXT] [--max-reporters N] [--data .sightline]
        Mint a signed token and print it alone on stdout (its id goes to stderr). A member
        token without --reporter is an enrolment code that extensions exchange for their own
        (--max-reporters caps how many). Lifetimes: admin and lead 90d, contributor 180d,
        member 365d at most.
  token list --workspace W [--code TOKEN_ID] [--data .sightline]
        List invitations and enrolment codes (who minted each; each code's reporters, last
        seen); with --code, the reporters that code enrolled.
  revoke --id TOKEN_ID [--reporters] [--data .sightline]
        Revoke a token, including on connections that are open now; --reporters also revokes
        every reporter the enrolment code enrolled.
  export --workspace W --out DIR [--what register|risks|soa|assessments|erm|iso27001|aims|all]
        [--format csv|json|md|html] [--data .sightline] [--by NAME]
        Write the workspace's exports (the PWA's, with who/when/where in each file) into DIR
        and print their paths. For --what all, each part in --format if it has it.
  demo [--data .sightline]
        Fill the demo workspace (what serve --demo does before serving) and exit. Running it
        again changes nothing.
  classify <profile.json|-> [--explain]
        Print the EU AI Act category of a use profile as one JSON object
        {category, basis, obligations}; --explain adds the reasons on stderr.
  inventory import <file.csv|file.xlsx> --workspace W [--data .sightline] [--mapping MAP.json]
        [--dry-run]
        Import an AI inventory spreadsheet into the workspace's registry (docs/imports.md);
        prints one JSON object {rows, created, updated, skipped, mapping, customFields, …}.
  backup --out FILE [--data .sightline]
        Write a consistent copy of the data folder (with its signing secret) to one new file,
        also while a relay serves it.
  restore --from FILE [--data .sightline]
        Bring a backup back; refuses while a relay serves the folder. What it replaces is kept
        beside it (….replaced-<time>).
  history --document W/registry [--data .sightline]
        List a shared document's checkpoints, one a line, newest first: ISO time and size.
  restore-document --document W/registry --at ISO-TIME [--preview] [--data .sightline]
        Bring a document back to its checkpoint at or before that time, as a new change that
        connected clients receive live; --preview only lists what would change.
  webhook add --workspace W --url URL [--events discovery.new,discovery.spike,clock.due,review.due] [--format json|slack|teams]
        [--allow-private] [--data .sightline]
  webhook list|remove --workspace W [--id ID] [--data .sightline | --database postgres://…]
        Webhooks for a workspace's events, signed with X-Sightline-Signature (docs/operations.md);
        add prints the webhook with its secret as JSON. Running relays use a change at once.
        With --database only list: add and remove go through a relay (Settings, /api/webhooks).
  digest add|list|remove|preview|send-now --workspace W [--to ADDRESS] [--every daily|weekly] [--id ID]
        [--data .sightline | --database postgres://…]  E-mail digests of new tools, reviews due and
        clocks running, sent by relays started with --smtp-url (docs/operations.md); no restart.
  sso map --workspace W --group G --role admin|lead|contributor [--data .sightline]
  sso unmap|list --workspace W [--group G] [--data .sightline | --database postgres://…]
        Single sign-on: which identity-provider group gives which role (docs/deploy.md); list
        also shows who signed in and who waits for a role. Running relays use a change at once.
  help  Show this help.`;

/** Returns the exit code; long-running commands (serve) keep the process alive themselves. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'serve':
        await serveCommand(rest, io.out);
        return 0;
      case 'scan':
        return await scanCommand(rest, {
          ...io,
          stdin: io.stdin ?? process.stdin,
          stderrIsTty: io.stderrIsTty ?? false,
          writeErr: io.writeErr ?? (() => {}),
        });
      case 'token':
        return await tokenCommand(rest, io);
      case 'revoke':
        return await revokeCommand(rest, io);
      case 'inventory':
        return await inventoryCommand(rest, io);
      case 'backup':
        return await backupCommand(rest, io);
      case 'restore':
        return await restoreCommand(rest, io);
      case 'history':
        return await historyCommand(rest, io);
      case 'restore-document':
        return await restoreDocumentCommand(rest, io);
      case 'export':
        return await exportCommand(rest, io);
      case 'demo':
        return await demoCommand(rest, io);
      case 'webhook':
        return await webhookCommand(rest, io);
      case 'digest':
        return await digestCommand(rest, io);
      case 'sso':
        return await ssoCommand(rest, io);
      case 'classify':
        return await classifyCommand(rest, { ...io, stdin: io.stdin ?? process.stdin });
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(HELP);
        return 0;
      default:
        throw new UsageError(`unknown command ${JSON.stringify(command)}`);
    }
  } catch (error) {
    if (
      error instanceof UsageError ||
      (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')
    ) {
      io.err(`sightline: ${(error as Error).message}`);
      io.err(`Run 'sightline help' for usage.`);
      return 2;
    }
    throw error;
  }
}
