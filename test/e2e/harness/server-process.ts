import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

const root = join(import.meta.dirname, '..', '..', '..');

export interface ServerProcess {
  url: string;
  syncUrl: string;
  child: ChildProcess;
  /** SIGTERM (clean shutdown) by default; SIGKILL to simulate a crash. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the real `sightline serve` command on a free port, as a separate process. */
export async function startServerProcess(
  dataDir: string,
  extraArgs: string[] = [],
): Promise<ServerProcess> {
  const child = spawn(
    process.execPath,
    [join(root, 'server', 'cli.ts'), 'serve', '--port', '0', '--data', dataDir, ...extraArgs],
    {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`server did not start in 20 s: ${stderr}`)),
      20_000,
    );
    lines.on('line', (line) => {
      const match = /running at (http:\/\/\S+?)\/?$/.exec(line);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  return {
    url,
    syncUrl: url.replace(/^http/, 'ws') + '/sync',
    child,
    async stop(signal = 'SIGTERM') {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = once(child, 'exit');
      child.kill(signal);
      await exited;
    },
  };
}
