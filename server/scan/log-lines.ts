import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { logLineReader, type LogEntry } from '../../shared/detection/log-lines.ts';

export { LogFormatError, type LogEntry } from '../../shared/detection/log-lines.ts';

/**
 * Streams a network log line by line, in constant memory, through the shared line reader
 * (shared/detection/log-lines.ts, which the PWA's import uses too).
 */
export async function* readLogEntries(input: Readable): AsyncGenerator<LogEntry> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  const read = logLineReader();
  for await (const text of lines) {
    const entry = read(text);
    if (entry) yield entry;
  }
}
