// `npm start`: build what is missing, then serve the PWA and the relay on one port.
import { runCli } from '../server/cli/run-cli.ts';
import { ensureBuilt } from './ensure-built.ts';

ensureBuilt();
process.exitCode = await runCli(['serve', ...process.argv.slice(2)], {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
});
