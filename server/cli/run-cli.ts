import type { Readable, Writable } from 'node:stream';
import { classifyCommand } from './classify-command.ts';
import { scanCommand } from './scan-command.ts';
import { serveCommand } from './serve-command.ts';
import { revokeCommand, tokenCommand } from './token-commands.ts';
import { UsageError } from './usage-error.ts';

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Raw stderr text without a newline (progress lines); defaults to nothing. */
  writeErr?(text: string): void;
  stdin?: Readable;
  stdout?: Writable;
  stderrIsTty?: boolean;
}

const HELP = `Usage: sightline <command> [options]

Commands:
  serve [--port 8787] [--host 127.0.0.1] [--data .sightline] [--pwa DIR] [--redis URL] [--demo]
        Serve the PWA and the sync relay (ws://HOST:PORT/sync) on one port.
  scan <file|-> [--format jsonl|csv|table]
        Match a network log (hosts, URLs, or a CSV with a host/hostname/domain/url column)
        against the AI catalog. Matches go to stdout, a summary to stderr.
  token --workspace W --role admin|lead|contributor|member [--reporter ID] [--ttl 30d]
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
  classify <profile.json|-> [--explain]
        Print the EU AI Act category of a use profile as one JSON object
        {category, basis, obligations}; --explain adds the reasons on stderr.
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
