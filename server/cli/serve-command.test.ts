import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/temp-dir.ts';
import type { RunningServer } from '../http/server.ts';
import { serveCommand } from './serve-command.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);

async function serve(
  dataDir: string,
  isTty: boolean,
): Promise<{ lines: string[]; server: RunningServer }> {
  const lines: string[] = [];
  const server = await serveCommand(
    ['--port', '0', '--data', dataDir, '--pwa', join(dataDir, 'no-pwa')],
    (line) => lines.push(line),
    isTty,
  );
  cleanups.push(() => server.close());
  return { lines, server };
}

describe('sightline serve: the data folder and the first admin (docs/sync.md DR9–DR10)', () => {
  it('DR9: keeps the data folder 0700 and its database, WAL and secret files 0600, tightening an older folder', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const data = join(dir.path, 'data');
    mkdirSync(data, { mode: 0o755 });
    chmodSync(data, 0o755);
    writeFileSync(join(data, 'sightline.sqlite'), '', { mode: 0o644 });
    chmodSync(join(data, 'sightline.sqlite'), 0o644);
    const { server } = await serve(data, true);
    // A write makes sure the WAL files exist.
    await server.tokens.mint({ workspace: 'acme', role: 'lead', ttlMs: 60_000 });
    expect(mode(data)).toBe('700');
    for (const file of [
      'sightline.sqlite',
      'sightline.sqlite-wal',
      'sightline.sqlite-shm',
      'signing-secret',
    ])
      expect([file, mode(join(data, file))]).toEqual([file, '600']);
  });

  it('DR10: prints the first admin join link only to a terminal; otherwise writes it to a 0600 file', async () => {
    const dir = tempDir();
    cleanups.push(dir.remove);
    const piped = await serve(join(dir.path, 'piped'), false);
    const output = piped.lines.join('\n');
    expect(output).not.toMatch(/token=/);
    const file = join(dir.path, 'piped', 'first-admin-link.txt');
    expect(output).toContain(`join link in ${file}`);
    expect(mode(file)).toBe('600');
    expect(readFileSync(file, 'utf8')).toMatch(
      /^http:\/\/localhost:\d+\/#\/join\?workspace=main&token=[\w.-]+\n$/,
    );

    const terminal = await serve(join(dir.path, 'terminal'), true);
    expect(terminal.lines.join('\n')).toMatch(/first admin: {2}open http:\/\/\S+token=/);
  });
});
