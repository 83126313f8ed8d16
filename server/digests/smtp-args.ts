import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { UsageError } from '../cli/usage-error.ts';
import { isEmailAddress } from './address.ts';
import type { SmtpOptions } from './smtp.ts';

/** `serve`'s SMTP options (parseArgs): digests are sent only by a relay given them. */
export const SMTP_ARGS = {
  'smtp-url': { type: 'string' },
  'smtp-url-file': { type: 'string' },
  'smtp-from': { type: 'string' },
} as const;

export const SMTP_URL_ENV = 'SIGHTLINE_SMTP_URL';

interface SmtpArgValues {
  'smtp-url'?: string | undefined;
  'smtp-url-file'?: string | undefined;
  'smtp-from'?: string | undefined;
}

/**
 * DIG1 The SMTP server's URL comes from `--smtp-url` (no password: `ps` shows a command line to
 * everyone), `--smtp-url-file FILE` or SIGHTLINE_SMTP_URL (either may hold one); undefined when
 * none is given, and then this relay sends no digest.
 */
export function readSmtpArgs(
  values: SmtpArgValues,
  env: NodeJS.ProcessEnv,
  cwd: string,
): SmtpOptions | undefined {
  const given = values['smtp-url'];
  const file = values['smtp-url-file'];
  if (given !== undefined && file !== undefined)
    throw new UsageError('give --smtp-url or --smtp-url-file, not both');
  let url = given ?? env[SMTP_URL_ENV]?.trim();
  if (file !== undefined) {
    try {
      url = readFileSync(resolve(cwd, file), 'utf8').trim();
    } catch (error) {
      throw new UsageError(`--smtp-url-file ${file} cannot be read: ${(error as Error).message}`);
    }
  }
  const from = values['smtp-from'];
  if (!url) {
    if (from !== undefined) throw new UsageError('--smtp-from needs --smtp-url');
    return undefined;
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new UsageError('the SMTP URL is smtp://HOST:PORT or smtps://USER:PASSWORD@HOST:465');
  }
  if ((parsed.protocol !== 'smtp:' && parsed.protocol !== 'smtps:') || !parsed.hostname)
    throw new UsageError('the SMTP URL is smtp://HOST:PORT or smtps://USER:PASSWORD@HOST:465');
  if (given !== undefined && parsed.password)
    throw new UsageError(
      `--smtp-url shows its password to everyone on the machine: put the URL in --smtp-url-file FILE or ${SMTP_URL_ENV}`,
    );
  if (from === undefined || !isEmailAddress(from))
    throw new UsageError(
      'digests need --smtp-from with one address, such as sightline@example.com',
    );
  return { url, from };
}
