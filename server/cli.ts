#!/usr/bin/env node
// The `sightline` command line. Wiring only: each command lives in server/cli/.
import { runCli } from './cli/run-cli.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (line) => process.stdout.write(line + '\n'),
  err: (line) => process.stderr.write(line + '\n'),
  writeErr: (text) => process.stderr.write(text),
  stdin: process.stdin,
  stdout: process.stdout,
  stderrIsTty: process.stderr.isTTY === true,
  stdoutIsTty: process.stdout.isTTY === true,
});
