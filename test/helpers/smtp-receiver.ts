import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  from: string;
  to: string[];
  /** The message as sent (headers and MIME body). */
  raw: string;
  /** Its header `name` (the first), unfolded. */
  header(name: string): string | undefined;
  /** Its text and HTML parts, quoted-printable decoded. */
  decoded: string;
}

/** Undoes quoted-printable soft line breaks and escapes (RFC 2045 6.7), enough to read a body. */
const unquote = (text: string) =>
  text
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * A real SMTP server (the `smtp-server` package) on a free loopback port, without TLS or
 * authentication, that records every message. `failNext(n, code)` refuses the next n messages
 * at the end of DATA with that code (451: try again later).
 */
export async function startSmtpReceiver(): Promise<{
  url: string;
  received: ReceivedMail[];
  failNext(count: number, code?: number): void;
  close(): Promise<void>;
}> {
  const received: ReceivedMail[] = [];
  let failures = 0;
  let failCode = 451;
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if (failures > 0) {
          failures--;
          const text = failCode >= 500 ? 'Mailbox unavailable' : 'Mailbox busy, try again later';
          const error = Object.assign(new Error(text), {
            responseCode: failCode,
          });
          return callback(error);
        }
        const raw = Buffer.concat(chunks).toString('utf8');
        const [head = ''] = raw.split(/\r?\n\r?\n/, 1);
        const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
        received.push({
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
          to: session.envelope.rcptTo.map((r) => r.address),
          raw,
          header: (name) =>
            new RegExp(`^${name}: (.*)$`, 'im').exec(unfolded)?.[1]?.trim() ?? undefined,
          decoded: unquote(raw),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    failNext(count, code = 451) {
      failures = count;
      failCode = code;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
