import { chmodSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { parseDuration } from '../auth/duration.ts';
import type { CheckpointOptions } from '../history/checkpointer.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { startServer, type RunningServer } from '../http/server.ts';
import { persistedNames } from '../../shared/storage/persisted-names.ts';
import { projectPaths } from '../project-paths.ts';
import { isDatabaseUrl } from '../storage/open-storage.ts';
import { UsageError } from './usage-error.ts';
import { TrustedProxies } from '../http/client-address.ts';
import { useJsonLogs } from '../ops/json-logs.ts';
import type { OidcOptions } from '../oidc/oidc-config.ts';
import { OIDC_ARGS, readOidcArgs } from '../oidc/oidc-args.ts';
import { redirectUri } from '../oidc/oidc-config.ts';
import { SMTP_ARGS, readSmtpArgs } from '../digests/smtp-args.ts';
import type { RelayOptions } from '../relay/relay.ts';

export interface ServeOptions {
  port: number;
  host: string;
  dataDir: string;
  pwaDir: string;
  redisUrl?: string;
  /** postgres://… — keep everything in Postgres (several machines; docs/deploy.md). */
  database?: string;
  workspace: string;
  /** Fill workspace `demo` with a fictional organisation, and print a lead's link to it. */
  demo: boolean;
  /** Checkpoints of shared documents (docs/sync.md DR7). */
  checkpoints: Partial<CheckpointOptions>;
  /** `--webhook-allow-private`: webhooks may reach private addresses and plain http (HOOK7). */
  webhooks?: { network?: { allowPrivate: boolean; allowHttp: boolean }; scanIntervalMs?: number };
  /** `--metrics-port N [--metrics-host H]`: Prometheus metrics on a port of their own (OPS1). */
  metricsPort?: number;
  metricsHost?: string;
  /** `--log-format json`: one JSON object a line (OPS3). */
  logFormat?: 'text' | 'json';
  /** `--trust-proxy CIDR,…`: whose X-Forwarded-For names the client (docs/sync.md PROXY1). */
  trustProxy?: TrustedProxies;
  /** `--oidc-issuer …`: single sign-on for people (docs/deploy.md). */
  oidc?: OidcOptions;
  /** `--smtp-url … --smtp-from …`: e-mail digests (docs/sync.md DIG1). */
  digests?: RelayOptions['digests'];
}

export const DEFAULT_PORT = 8787;
const FIRST_ADMIN_TTL_MS = 30 * 86_400_000;
export const DEMO_WORKSPACE = 'demo';
const DEMO_LEAD_TTL_MS = 30 * 86_400_000;

export function parseServeArgs(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = process.env,
): ServeOptions {
  const { values } = parseArgs({
    args,
    options: {
      port: { type: 'string', default: String(DEFAULT_PORT) },
      host: { type: 'string', default: '127.0.0.1' },
      data: { type: 'string', default: '.sightline' },
      pwa: { type: 'string', default: projectPaths.pwaDist },
      redis: { type: 'string' },
      database: { type: 'string' },
      workspace: { type: 'string', default: 'main' },
      demo: { type: 'boolean', default: false },
      'checkpoint-interval': { type: 'string', default: '3600' },
      'checkpoint-retention': { type: 'string', default: '1d,7d,90d' },
      'webhook-allow-private': { type: 'boolean', default: false },
      'alert-scan-interval': { type: 'string' },
      'metrics-port': { type: 'string' },
      'metrics-host': { type: 'string', default: '127.0.0.1' },
      'log-format': { type: 'string', default: 'text' },
      'trust-proxy': { type: 'string' },
      ...OIDC_ARGS,
      ...SMTP_ARGS,
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UsageError(
      `--port must be a whole number from 0 to 65535, not ${JSON.stringify(values.port)}`,
    );
  }
  const interval = Number(values['checkpoint-interval']);
  if (!Number.isInteger(interval) || interval < 1 || interval > 86_400)
    throw new UsageError('--checkpoint-interval must be a whole number of seconds from 1 to 86400');
  const retention = values['checkpoint-retention'].split(',').map(parseDuration);
  if (retention.length !== 3 || retention.some((ms) => ms === undefined))
    throw new UsageError(
      '--checkpoint-retention is three durations: keep all, then hourly, then daily (e.g. 1d,7d,90d)',
    );
  const scan = values['alert-scan-interval'];
  const scanSeconds = scan === undefined ? undefined : Number(scan);
  if (
    scanSeconds !== undefined &&
    (!Number.isInteger(scanSeconds) || scanSeconds < 0 || scanSeconds > 86_400)
  )
    throw new UsageError(
      '--alert-scan-interval must be a whole number of seconds from 0 (never) to 86400',
    );
  const webhooks = {
    ...(values['webhook-allow-private']
      ? { network: { allowPrivate: true, allowHttp: true } }
      : {}),
    ...(scanSeconds !== undefined ? { scanIntervalMs: scanSeconds * 1000 } : {}),
  };
  if (values['log-format'] !== 'text' && values['log-format'] !== 'json')
    throw new UsageError('--log-format is text or json');
  const metricsPort =
    values['metrics-port'] === undefined ? undefined : Number(values['metrics-port']);
  if (
    metricsPort !== undefined &&
    (!Number.isInteger(metricsPort) || metricsPort < 0 || metricsPort > 65_535)
  )
    throw new UsageError('--metrics-port must be a whole number from 0 to 65535');
  if (values.redis !== undefined && !/^rediss?:\/\/[^\s/]+/.test(values.redis)) {
    throw new UsageError('--redis must be a URL such as redis://127.0.0.1:6379');
  }
  if (values.database !== undefined && !isDatabaseUrl(values.database))
    throw new UsageError(
      '--database must be a URL such as postgres://sightline@db.internal/sightline',
    );
  let trustProxy: TrustedProxies | undefined;
  try {
    if (values['trust-proxy'] !== undefined)
      trustProxy = TrustedProxies.parse(values['trust-proxy']);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const oidc = readOidcArgs(values, env, cwd);
  const smtp = readSmtpArgs(values, env, cwd);
  const publicUrl = oidc?.publicUrl ?? values['public-url']?.replace(/\/$/, '');
  return {
    port,
    host: values.host,
    dataDir: resolve(cwd, values.data),
    pwaDir: resolve(cwd, values.pwa),
    workspace: values.workspace,
    demo: values.demo,
    checkpoints: {
      intervalMs: interval * 1000,
      retention: { allForMs: retention[0]!, hourlyForMs: retention[1]!, dailyForMs: retention[2]! },
    },
    ...(values.redis ? { redisUrl: values.redis } : {}),
    logFormat: values['log-format'],
    ...(metricsPort !== undefined ? { metricsPort, metricsHost: values['metrics-host'] } : {}),
    ...(Object.keys(webhooks).length > 0 ? { webhooks } : {}),
    ...(values.database ? { database: values.database } : {}),
    ...(trustProxy ? { trustProxy } : {}),
    ...(oidc ? { oidc } : {}),
    ...(smtp ? { digests: { smtp, ...(publicUrl ? { baseUrl: publicUrl } : {}) } } : {}),
  };
}

/** Runs until SIGINT/SIGTERM, then shuts down cleanly (documents flushed, database closed). */
export async function serveCommand(
  args: string[],
  out: (line: string) => void,
  isTty = process.stdout.isTTY === true,
): Promise<RunningServer> {
  const options = parseServeArgs(args, process.cwd());
  if (options.logFormat === 'json') {
    useJsonLogs();
    // The banner is log lines too.
    out = (line) => console.log(line);
  }
  const server = await startServer(options);
  out(`Sightline is running at ${server.url}/`);
  out(`  sync relay:   ${server.syncUrl}`);
  out(`  data folder:  ${options.dataDir}`);
  if (options.database) out(`  database:     Postgres at ${new URL(options.database).host}`);
  if (options.redisUrl) out(`  scale-out:    Redis at ${new URL(options.redisUrl).host}`);
  if (options.trustProxy)
    out(`  proxies:      X-Forwarded-For believed from ${options.trustProxy.ranges.join(', ')}`);
  if (options.oidc)
    out(
      `  sign-in:      ${options.oidc.issuer} (redirect URI ${redirectUri(options.oidc.publicUrl ?? server.url)})`,
    );
  if (options.digests)
    out(
      `  digests:      e-mailed through ${new URL(options.digests.smtp.url).host} from ${options.digests.smtp.from}`,
    );
  if (server.metricsPort !== undefined)
    out(`  metrics:      http://${options.metricsHost}:${server.metricsPort}/metrics`);
  // The first run of a new data folder makes the first admin, and says how to sign in.
  if ((await server.tokenStore.count()) === 0) {
    const admin = await server.tokens.mint({
      workspace: options.workspace,
      role: 'admin',
      ttlMs: FIRST_ADMIN_TTL_MS,
      kind: 'cli',
      label: 'first admin',
    });
    const link = `${server.url}/#/join?workspace=${options.workspace}&token=${admin.token}`;
    // DR10: a token goes to a terminal only — never into a log that captures stdout.
    if (isTty) out(`  first admin:  open ${link}`);
    else out(`  first admin:  join link in ${writeOwnerOnly(options.dataDir, link)}`);
    out(
      `                (valid 30 days; make more with: npm run -s sightline -- token --workspace ${options.workspace} --role admin)`,
    );
  }
  if (options.demo) {
    try {
      await seedDemo(server.hocuspocus, { workspace: DEMO_WORKSPACE, now: Date.now() });
    } catch (error) {
      await server.close();
      throw error;
    }
    const lead = await server.tokens.mint({
      workspace: DEMO_WORKSPACE,
      role: 'lead',
      ttlMs: DEMO_LEAD_TTL_MS,
      kind: 'cli',
      label: 'demo lead',
    });
    out(
      `  demo:         open ${server.url}/#/join?workspace=${DEMO_WORKSPACE}&token=${lead.token}`,
    );
  }
  out(`  extension:    load ${projectPaths.extensionChrome} as an unpacked extension`);
  out(`                (chrome://extensions → Developer mode → Load unpacked)`);
  out('Press Ctrl+C to stop.');
  // OPS2: stop accepting, commit what is pending, close sockets with a reconnect code, exit 0;
  // a second signal, or 20 s, exits at once (nothing acknowledged is in memory only: DR1).
  const stop = () => {
    console.warn('sightline: shutting down');
    setTimeout(() => process.exit(1), 20_000).unref();
    process.once('SIGINT', () => process.exit(1));
    process.once('SIGTERM', () => process.exit(1));
    void server.close().then(
      () => {
        console.warn('sightline: stopped cleanly');
        process.exit(0);
      },
      (error: unknown) => {
        console.error(`sightline: shutdown failed: ${(error as Error).message}`);
        process.exit(1);
      },
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}

/** Writes the first admin's join link to a file only its owner reads, and returns its path. */
function writeOwnerOnly(dataDir: string, link: string): string {
  const file = join(dataDir, persistedNames.relayFiles.firstAdminLink);
  writeFileSync(file, `${link}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}
