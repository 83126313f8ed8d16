import nodemailer, { type Transporter } from 'nodemailer';
import type { DigestMessage } from './digest-message.ts';

/** Where digests are sent from (`serve --smtp-url … --smtp-from …`, docs/deploy.md). */
export interface SmtpOptions {
  /** `smtp://host:587` (STARTTLS when offered), `smtps://user:pass@host:465` (nodemailer's URL). */
  url: string;
  /** The From address. */
  from: string;
}

/** What sends one message; nodemailer's SMTP transport on the relay, in the CLI's send-now. */
export interface Mailer {
  send(to: string, message: DigestMessage, messageId: string): Promise<void>;
  close(): void;
}

export function smtpMailer(smtp: SmtpOptions): Mailer {
  const transport: Transporter = nodemailer.createTransport({
    url: smtp.url,
    // A server that accepts the connection and then says nothing must not hold a relay's pass.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return {
    async send(to, message, messageId) {
      await transport.sendMail({
        from: smtp.from,
        to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        // The same id on every attempt of one period's digest: a mail system may drop a repeat.
        messageId,
        headers: { 'Auto-Submitted': 'auto-generated' },
      });
    },
    close: () => transport.close(),
  };
}

/** A period's digest has one Message-ID, in the From address's domain. */
export function digestMessageId(from: string, subscriptionId: string, periodKey: string): string {
  const domain = /@([^\s>]+)/.exec(from)?.[1] ?? 'sightline.invalid';
  return `<sightline-digest.${subscriptionId}.${periodKey}@${domain}>`;
}

/** DIG9 What the log keeps of an SMTP error: its first line, never a credential. */
export function smtpError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message
    .split('\n')[0]!
    .replace(/\/\/[^@/\s]*@/g, '//…@')
    .slice(0, 300);
}
