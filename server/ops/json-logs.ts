import { format } from 'node:util';

type Level = 'info' | 'warn' | 'error';

/**
 * One log line as one JSON object (docs/sync.md OPS3): `level`, `time` (ISO-8601), `msg`, and the
 * fields the line carries — `component` from a leading `relay:`/`webhooks:`…, and for a refusal
 * (H15) its `offender` and `reason`. What writes the lines is unchanged, so the log limiter still
 * decides how many there are.
 */
export function jsonLine(level: Level, args: unknown[], now = new Date()): string {
  const msg = format(...args);
  const fields: Record<string, string> = {};
  const component = /^([a-z][a-z -]{0,30}): /.exec(msg);
  if (component) fields.component = component[1]!;
  const refused = /^relay: refused (\S+)(?: again within a minute)?: (.*)$/.exec(msg);
  if (refused) {
    fields.offender = refused[1]!;
    fields.reason = refused[2]!;
  }
  return JSON.stringify({ level, time: now.toISOString(), msg, ...fields });
}

/** `serve --log-format json`: every console line of this process becomes a JSON line. */
export function useJsonLogs(
  out: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
  err: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
): () => void {
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  console.log = (...args: unknown[]) => out(jsonLine('info', args));
  console.info = (...args: unknown[]) => out(jsonLine('info', args));
  console.warn = (...args: unknown[]) => err(jsonLine('warn', args));
  console.error = (...args: unknown[]) => err(jsonLine('error', args));
  return () => Object.assign(console, saved);
}
