import { parse as parseCsvLine } from 'csv-parse/sync';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';

/** One value to look up, or a line that could not be read as one. */
export type LogEntry = { line: number; value: string } | { line: number; unreadable: true };

export class LogFormatError extends Error {
  override name = 'LogFormatError';
}

/** Header names that hold a host or a URL, best first, as proxy and DNS exports name them. */
const HOST_COLUMNS = [
  'host',
  'hostname',
  'domain',
  'fqdn',
  'query',
  'dns.question.name',
  'cs-host',
  'dest_host',
  'destinationhostname',
  'server_name',
  'sni',
  'url',
  'request_url',
  'cs-uri',
  'uri',
];
const DELIMITERS = [',', '\t', ';'] as const;

interface CsvLayout {
  delimiter: string;
  column: number;
}

/** A CSV layout when the first line is a header with a host or URL column; undefined for a plain list. */
function detectLayout(firstLine: string): CsvLayout | undefined {
  for (const delimiter of DELIMITERS) {
    const fields = firstLine
      .split(delimiter)
      .map((field) => field.trim().replace(/^"|"$/g, '').toLowerCase());
    for (const name of HOST_COLUMNS) {
      const column = fields.indexOf(name);
      if (column >= 0) return { delimiter, column };
    }
  }
  if (DELIMITERS.some((d) => firstLine.includes(d)) && !/^[^\s,;\t]+:\/\//.test(firstLine)) {
    throw new LogFormatError(
      `unknown log format: the first line looks like a CSV header but has no ${HOST_COLUMNS.slice(0, 3).join(', ')} or url column`,
    );
  }
  return undefined;
}

/**
 * Streams a network log line by line, in constant memory: one host or URL per line, or a CSV whose
 * header names a host, hostname, domain or url column. Blank lines and `#` comments are skipped;
 * a line that cannot be read is reported, never fatal.
 */
export async function* readLogEntries(input: Readable): AsyncGenerator<LogEntry> {
  const lines = createInterface({ input, crlfDelay: Infinity });
  let layout: CsvLayout | undefined;
  let first = true;
  let line = 0;
  for await (const text of lines) {
    line++;
    if (text.includes('\u0000')) {
      if (first) throw new LogFormatError('not a text log: the file contains binary data');
      yield { line, unreadable: true };
      continue;
    }
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (first) {
      first = false;
      layout = detectLayout(trimmed.replace(/^\uFEFF/, ''));
      if (layout) continue; // the header itself
    }
    if (!layout) {
      yield { line, value: trimmed };
      continue;
    }
    let fields: string[] | undefined;
    try {
      fields = (
        parseCsvLine(text, {
          delimiter: layout.delimiter,
          relax_quotes: true,
          relax_column_count: true,
        }) as string[][]
      )[0];
    } catch {
      fields = undefined;
    }
    const value = fields?.[layout.column]?.trim();
    yield value ? { line, value } : { line, unreadable: true };
  }
}
