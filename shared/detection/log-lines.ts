/**
 * The one reader of network-log lines, shared by `sightline scan` (Node, a stream) and the PWA's
 * import (a Web Worker, a File in chunks): one host or URL per line, or a CSV whose header names a
 * host, hostname, domain or url column (and maybe a time column). Pure: lines in, entries out.
 */

/** One value to look up (with its time when the CSV has one), or a line that could not be read. */
export type LogEntry =
  { line: number; value: string; time?: number } | { line: number; unreadable: true };

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
/** Header names that hold when a request happened, best first. */
const TIME_COLUMNS = [
  'timestamp',
  '@timestamp',
  'time',
  'datetime',
  'date_time',
  'event_time',
  'eventtime',
  'timegenerated',
  '_time',
  'ts',
  'date',
];
const DELIMITERS = [',', '\t', ';'] as const;

interface CsvLayout {
  delimiter: string;
  column: number;
  timeColumn?: number;
}

/** A CSV layout when the first line is a header with a host or URL column; undefined for a plain list. */
function detectLayout(firstLine: string): CsvLayout | undefined {
  for (const delimiter of DELIMITERS) {
    const fields = firstLine
      .split(delimiter)
      .map((field) => field.trim().replace(/^"|"$/g, '').toLowerCase());
    for (const name of HOST_COLUMNS) {
      const column = fields.indexOf(name);
      if (column < 0) continue;
      const layout: CsvLayout = { delimiter, column };
      const timeColumn = TIME_COLUMNS.map((time) => fields.indexOf(time)).find((i) => i >= 0);
      if (timeColumn !== undefined) layout.timeColumn = timeColumn;
      return layout;
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
 * Splits one CSV line (RFC 4180 quoting; a quote inside an unquoted field is kept as text).
 * Undefined when a quoted field never closes on this line.
 */
export function splitCsvLine(text: string, delimiter: string): string[] | undefined {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    if (text[i] === '"') {
      let value = '';
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) return undefined;
        value += text.slice(i, close);
        if (text[close + 1] === '"') {
          value += '"';
          i = close + 2;
          continue;
        }
        i = close + 1;
        break;
      }
      // Anything between the closing quote and the delimiter is kept, as lenient readers do.
      const next = text.indexOf(delimiter, i);
      value += next < 0 ? text.slice(i) : text.slice(i, next);
      fields.push(value);
      if (next < 0) return fields;
      i = next + delimiter.length;
    } else {
      const next = text.indexOf(delimiter, i);
      fields.push(next < 0 ? text.slice(i) : text.slice(i, next));
      if (next < 0) return fields;
      i = next + delimiter.length;
    }
  }
}

/** 2000-01-01: earlier "times" are counters or junk, not when a request happened. */
const EARLIEST_TIME = 946_684_800_000;
const LATEST_TIME = 253_402_300_799_999;

/**
 * A log's time as epoch ms: epoch seconds (Squid's `1700000000.123`), epoch milliseconds, or a
 * date the platform parses (ISO 8601, `2026-01-05 10:00:00`). Undefined for anything else.
 */
export function parseLogTime(value: string): number | undefined {
  const text = value.trim();
  if (text === '') return undefined;
  let ms: number;
  if (/^\d+(\.\d+)?$/.test(text)) {
    const n = Number(text);
    ms = n < 1e11 ? n * 1000 : n;
  } else ms = Date.parse(text);
  if (!Number.isFinite(ms)) return undefined;
  ms = Math.round(ms);
  return ms >= EARLIEST_TIME && ms <= LATEST_TIME ? ms : undefined;
}

/**
 * A reader for one log: call it with every line in order (without its line break). It returns
 * the line's entry, or undefined for a blank line, a `#` comment or the CSV header. A line that
 * cannot be read is reported, never fatal; a file that is not a log at all throws LogFormatError.
 */
export function logLineReader(): (text: string) => LogEntry | undefined {
  let layout: CsvLayout | undefined;
  let first = true;
  let line = 0;
  return (text) => {
    line++;
    if (text.includes('\u0000')) {
      if (first) throw new LogFormatError('not a text log: the file contains binary data');
      return { line, unreadable: true };
    }
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return undefined;
    if (first) {
      first = false;
      layout = detectLayout(trimmed.replace(/^\uFEFF/, ''));
      if (layout) return undefined; // the header itself
    }
    if (!layout) return { line, value: trimmed };
    const fields = splitCsvLine(text.replace(/\r$/, ''), layout.delimiter);
    const value = fields?.[layout.column]?.trim();
    if (!value) return { line, unreadable: true };
    const timeText = layout.timeColumn === undefined ? undefined : fields?.[layout.timeColumn];
    const time = timeText === undefined ? undefined : parseLogTime(timeText);
    return time === undefined ? { line, value } : { line, value, time };
  };
}
