import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseDuration } from '../auth/duration.ts';
import { UsageError } from '../cli/usage-error.ts';
import {
  DEFAULT_GROUPS_CLAIM,
  DEFAULT_SCOPES,
  DEFAULT_SESSION_TTL_MS,
  type OidcOptions,
} from './oidc-config.ts';

/** The environment variable that may hold the client secret instead of a file. */
export const SECRET_ENV = 'SIGHTLINE_OIDC_CLIENT_SECRET';
/** A session lives at most one day: sign-in is cheap, and a stolen session dies soon (SSO5). */
const MAX_SESSION_TTL_MS = 86_400_000;

/** `sightline serve`'s single sign-on options (node:util parseArgs). */
export const OIDC_ARGS = {
  'oidc-issuer': { type: 'string' },
  'oidc-client-id': { type: 'string' },
  'oidc-client-secret-file': { type: 'string' },
  'oidc-name': { type: 'string' },
  'oidc-scopes': { type: 'string' },
  'oidc-groups-claim': { type: 'string' },
  'oidc-session-ttl': { type: 'string' },
  'public-url': { type: 'string' },
} as const;

type OidcArgValues = Partial<Record<keyof typeof OIDC_ARGS, string>>;

/**
 * Reads the single sign-on options; undefined when `--oidc-issuer` is absent. The secret comes
 * from a file or the environment, never the command line, where `ps` shows it to everyone.
 */
export function readOidcArgs(
  values: OidcArgValues,
  env: NodeJS.ProcessEnv,
  cwd: string,
): OidcOptions | undefined {
  const issuer = values['oidc-issuer'];
  if (issuer === undefined) {
    const stray = Object.keys(OIDC_ARGS).find(
      (name) => name !== 'public-url' && values[name as keyof OidcArgValues] !== undefined,
    );
    if (stray) throw new UsageError(`--${stray} needs --oidc-issuer`);
    return undefined;
  }
  const clientId = values['oidc-client-id'];
  if (!clientId) throw new UsageError('--oidc-issuer needs --oidc-client-id');
  const secret = clientSecret(values['oidc-client-secret-file'], env, cwd);
  const ttlText = values['oidc-session-ttl'];
  const ttl = ttlText === undefined ? DEFAULT_SESSION_TTL_MS : parseDuration(ttlText);
  if (ttl === undefined || ttl > MAX_SESSION_TTL_MS)
    throw new UsageError('--oidc-session-ttl is a duration of at most 1 day, such as 8h or 30m');
  const publicUrl = values['public-url'];
  if (publicUrl !== undefined && !/^https?:\/\/[^\s/?#]+\/?$/.test(publicUrl))
    throw new UsageError(
      '--public-url is the address people open, such as https://sightline.example.com (no path)',
    );
  return {
    issuer,
    clientId,
    clientSecret: secret,
    ...(publicUrl ? { publicUrl: publicUrl.replace(/\/$/, '') } : {}),
    scopes: values['oidc-scopes'] ?? DEFAULT_SCOPES,
    groupsClaim: values['oidc-groups-claim'] ?? DEFAULT_GROUPS_CLAIM,
    sessionTtlMs: ttl,
    displayName: (values['oidc-name'] ?? hostOf(issuer)).slice(0, 60),
  };
}

function clientSecret(file: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  if (file !== undefined) {
    let text: string;
    try {
      text = readFileSync(resolve(cwd, file), 'utf8');
    } catch (error) {
      throw new UsageError(
        `--oidc-client-secret-file ${file} cannot be read: ${(error as Error).message}`,
      );
    }
    const secret = text.trim();
    if (!secret) throw new UsageError(`--oidc-client-secret-file ${file} is empty`);
    return secret;
  }
  const secret = env[SECRET_ENV]?.trim();
  if (!secret)
    throw new UsageError(
      `--oidc-issuer needs the client secret: --oidc-client-secret-file FILE, or ${SECRET_ENV}`,
    );
  return secret;
}

function hostOf(issuer: string): string {
  try {
    return new URL(issuer).hostname;
  } catch {
    return issuer;
  }
}
