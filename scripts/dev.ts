// `npm run dev`: the relay (port 8787), the PWA with hot reload (http://localhost:5173, proxying
// /sync and /api to the relay) and the extension rebuilt on change (.output/chrome-mv3-dev).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { root } from './run-tool.ts';

const bin = (tool: string) => join(root, 'node_modules', '.bin', tool);
const processes = [
  {
    label: 'relay',
    command: process.execPath,
    args: [join(root, 'server', 'cli.ts'), 'serve', ...process.argv.slice(2)],
  },
  { label: 'pwa', command: bin('vite'), args: ['--config', 'pwa/vite.config.ts'] },
  { label: 'extension', command: bin('wxt'), args: [] },
];

const children = processes.map(({ label, command, args }) => {
  const child = spawn(command, args, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  const prefix = `[${label}] `;
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk: Buffer) => {
      for (const line of String(chunk).split('\n'))
        if (line.trim()) process.stdout.write(prefix + line + '\n');
    });
  }
  child.on('exit', (code) => {
    process.stdout.write(`${prefix}exited (${code})\n`);
    shutdown();
  });
  return child;
});

function shutdown() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
}
process.on('SIGINT', shutdown);
process.on('SIGTERM', shutdown);
