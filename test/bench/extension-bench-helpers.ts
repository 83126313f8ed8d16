// Shared by the extension-* benchmarks (test/bench/extension-*.bench.ts). Not a benchmark itself:
// the bench runner only loads files that end in .bench.ts.
import { spawnSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { persistedNames } from '../../shared/storage/persisted-names.ts';
import { BackgroundService } from '../../extension/background/background-service.ts';
import { fakeSyncConnection } from '../../extension/background/fake-sync-connection.ts';
import type { Enrolment } from '../../extension/enrolment/enrolment.ts';
import { memoryLocalLog } from '../../extension/local-log/index.ts';
import { memoryKeyValueStore } from '../../extension/platform/key-value-store.ts';
import { tempDir } from '../helpers/temp-dir.ts';

export const root = join(import.meta.dirname, '..', '..');
const builtDir = join(root, '.output', 'chrome-mv3');

let built = false;

/** Builds the Chrome extension from the current source, once per bench run, quietly. */
function buildOnce(): void {
  if (built) return;
  const result = spawnSync(join(root, 'node_modules', '.bin', 'wxt'), ['build'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
  });
  if (result.status !== 0)
    throw new Error(
      `wxt build failed (exit ${result.status ?? result.signal})\n${result.stdout}${result.stderr}`,
    );
  built = true;
}

/**
 * The freshly built extension, copied to a temp folder right after the build, so that what is
 * measured or loaded is exactly this build even if something else rebuilds .output meanwhile.
 */
export function builtExtension(): { path: string; remove(): void } {
  buildOnce();
  const copy = tempDir('sightline-bench-extension-');
  cpSync(builtDir, copy.path, { recursive: true });
  return copy;
}

/** Milliseconds with two decimals, or four below 1 ms (the per-visit figures are microseconds). */
export function ms(value: number): number {
  const digits = Math.abs(value) < 1 ? 4 : 2;
  return Number(value.toFixed(digits));
}

const DAY_MS = 86_400_000;

/** An enrolled worker's state, as the unit test's; the fake relay is online and answers at once. */
export const BENCH_ENROLMENT: Enrolment = {
  relayUrl: 'https://relay.example',
  workspace: 'acme',
  reporterId: 'bench',
  token: 'a.b.c',
  tokenId: 't',
  expiresAt: Date.UTC(2030, 0, 1),
  source: 'manual',
};

/**
 * A BackgroundService on the in-memory fakes of its unit test (memory local log and storage, fake
 * relay connection), enrolled, with a clock the caller moves and scheduled work only counted: the
 * benchmark decides when to flush.
 */
export function serviceWithFakes(start = Date.UTC(2026, 10, 20, 8)) {
  let now = start;
  let scheduled = 0;
  const storage = memoryKeyValueStore({
    [persistedNames.extensionStorageKeys.enrolment]: {
      ...BENCH_ENROLMENT,
      expiresAt: now + DAY_MS,
    },
  });
  const log = memoryLocalLog();
  const sync = fakeSyncConnection({ online: true });
  const service = new BackgroundService({
    version: '1.0.0',
    storage,
    log,
    fetch: () => Promise.reject(new Error('the benchmark never enrols')),
    openSync: () => sync,
    now: () => now,
    schedule: () => void scheduled++,
    randomId: () => `id${scheduled}`,
  });
  return {
    service,
    log,
    sync,
    scheduled: () => scheduled,
    setNow: (value: number) => (now = value),
  };
}
