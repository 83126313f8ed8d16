import { randomUUID } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { persistedNames } from '../../shared/storage/persisted-names.ts';

export interface ServingRelay {
  pid: number;
  url: string;
}

const locksDir = (dataDir: string) => join(dataDir, persistedNames.relayFiles.relayLocks);

/**
 * Marks the data folder as served by this process, with its URL, until the returned release runs
 * (docs/sync.md DR6). Several relay processes may serve one folder (scale-out): one file each.
 */
export function holdRelayLock(dataDir: string, url: string): () => void {
  mkdirSync(locksDir(dataDir), { recursive: true, mode: 0o700 });
  const file = join(locksDir(dataDir), `${process.pid}-${randomUUID().slice(0, 8)}.json`);
  writeFileSync(file, JSON.stringify({ pid: process.pid, url } satisfies ServingRelay), {
    mode: 0o600,
  });
  return () => rmSync(file, { force: true });
}

/** The relay processes serving the folder now; a file left by a process that died is ignored. */
export function servingRelays(dataDir: string): ServingRelay[] {
  let files: string[];
  try {
    files = readdirSync(locksDir(dataDir));
  } catch {
    return [];
  }
  const relays: ServingRelay[] = [];
  for (const file of files) {
    try {
      const relay = JSON.parse(readFileSync(join(locksDir(dataDir), file), 'utf8')) as ServingRelay;
      if (Number.isInteger(relay.pid) && typeof relay.url === 'string' && isAlive(relay.pid))
        relays.push(relay);
    } catch {
      // unreadable: not a relay's file
    }
  }
  return relays;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
