import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './redis-server.ts';

/** Debian's Postgres 15 (apt-get install postgresql); POSTGRES_BIN names another folder of binaries. */
export const POSTGRES_BIN = process.env.POSTGRES_BIN ?? '/usr/lib/postgresql/15/bin';

export function hasPostgres(): boolean {
  return existsSync(join(POSTGRES_BIN, 'postgres')) && existsSync(join(POSTGRES_BIN, 'initdb'));
}

/**
 * Postgres refuses to run as root, and tests run as root in CI: then it runs as the `postgres` OS
 * user Debian's package makes (the temporary folder is handed to it); otherwise as whoever we are.
 */
function runAs(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }));
  return { uid: id('-u'), gid: id('-g') };
}

export interface TestPostgres {
  /** A URL to the server's `postgres` database, as its superuser. */
  url: string;
  /** Makes a fresh database and returns its URL. */
  createDatabase(name: string): Promise<string>;
  /** Stops the server and removes its cluster. */
  stop(): Promise<void>;
  /** Stops the server (an outage), keeping its cluster and port for `resume`. */
  pause(): Promise<void>;
  resume(): Promise<void>;
}

/** A throwaway Postgres on a free loopback port, its cluster in a temporary folder (fsync on). */
export async function startPostgres(): Promise<TestPostgres> {
  const dir = mkdtempSync(join(tmpdir(), 'sightline-pg-'));
  const user = runAs();
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  execFileSync(
    join(POSTGRES_BIN, 'initdb'),
    ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-instructions'],
    { stdio: 'ignore', ...(user ?? {}) },
  );
  const port = await freePort();
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let child = await run(data, dir, port, url, user);
  const stopped = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGINT'); // fast shutdown
    });
  return {
    url,
    async createDatabase(name) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE ${name}`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      await stopped();
      rmSync(dir, { recursive: true, force: true });
    },
    pause: stopped,
    async resume() {
      child = await run(data, dir, port, url, user);
    },
  };
}

/** Starts the server on its cluster and waits until it takes connections. */
async function run(
  data: string,
  dir: string,
  port: number,
  url: string,
  user: { uid: number; gid: number } | undefined,
): Promise<ChildProcess> {
  const child: ChildProcess = spawn(
    join(POSTGRES_BIN, 'postgres'),
    ['-D', data, '-p', String(port), '-k', dir, '-c', 'listen_addresses=127.0.0.1'],
    { stdio: ['ignore', 'ignore', 'pipe'], ...(user ?? {}) },
  );
  let log = '';
  child.stderr!.on('data', (chunk) => (log = (log + String(chunk)).slice(-4000)));
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`postgres exited: ${log}`);
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return child;
    } catch {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`postgres did not start: ${log}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

/** Says why Postgres tests are skipped, or fails when REQUIRE_E2E=1 says they must run. */
export function warnIfNoPostgres(what: string): void {
  if (hasPostgres()) return;
  if (process.env.REQUIRE_E2E === '1')
    throw new Error(`REQUIRE_E2E=1 but no Postgres at ${POSTGRES_BIN}`);
  console.warn(
    `\n!!!!! ${what} SKIPPED: no Postgres at ${POSTGRES_BIN} (apt-get install postgresql) !!!!!\n`,
  );
}
