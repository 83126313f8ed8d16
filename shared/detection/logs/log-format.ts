/** What a parser tells the reader about each record (a line, or a JSON object) it reads. */
export interface RecordSink {
  /** A hostname or URL the record names, and when, if the log says. */
  value(text: string, time?: number): void;
  /** A record that names no host: an IP-only connection, a sign-in, a DNS query for an IP. */
  noHost(): void;
  /** A record whose structure could not be read. */
  unreadable(): void;
  /** A line that is part of the format but not a record: a header, a comment, a server's chatter. */
  skip(): void;
}

export interface LogParser {
  /** Reads one line (without its line break). */
  line(text: string, sink: RecordSink): void;
  /** After the last line: a record left open (a quoted field never closed) is reported. */
  end?(sink: RecordSink): void;
  /**
   * Formats whose records span lines (a JSON array) take the text as it comes instead of lines;
   * `end` is called once after the last piece.
   */
  text?: { piece(text: string, sink: RecordSink): void; end(sink: RecordSink): void };
  /** Why this log names no hosts, when the parser learnt it from the file (a CSV's columns). */
  noHostsBecause?: string;
}

export interface LogFormat {
  /** The name `--input-format` takes. */
  id: string;
  /** What a person calls it, in sentences: "a Squid native access log". */
  label: string;
  /** Why a log of this format names no hosts, when that is by design. */
  noHostsBecause?: string;
  /** A hostname the value must be to count: a plain list whose line is not one is unreadable. */
  strictValues?: boolean;
  /** A parser for a log that starts with these lines; undefined when they cannot be this format. */
  create(sample: readonly string[]): LogParser | undefined;
}

/** Longer lines are not log lines (URLs stay far below this). */
export const MAX_LINE = 64 * 1024;

/** 2000-01-01 and 9999-12-31: outside, a "time" is a counter or junk. */
const EARLIEST_TIME = 946_684_800_000;
const LATEST_TIME = 253_402_300_799_999;

/**
 * A log's time as epoch ms: epoch seconds (Squid's and Zeek's `1700000000.123`), epoch
 * milliseconds, or a date the platform parses (ISO 8601). Undefined for anything else.
 */
export function parseLogTime(value: string | number): number | undefined {
  let ms: number;
  if (typeof value === 'number') ms = value < 1e11 ? value * 1000 : value;
  else {
    const text = value.trim();
    if (text === '') return undefined;
    const c = text.charCodeAt(0);
    const n = c >= 48 && c <= 57 ? Number(text) : NaN;
    if (!Number.isNaN(n)) ms = n < 1e11 ? n * 1000 : n;
    else ms = Date.parse(text);
  }
  if (!Number.isFinite(ms)) return undefined;
  ms = Math.round(ms);
  return ms >= EARLIEST_TIME && ms <= LATEST_TIME ? ms : undefined;
}

/**
 * Splits one CSV line (RFC 4180 quoting; a quote inside an unquoted field is kept as text).
 * Undefined when a quoted field never closes on this line.
 */
export function splitCsvLine(text: string, delimiter: string, from = 0): string[] | undefined {
  const fields: string[] = [];
  let i = from;
  for (;;) {
    if (text.charCodeAt(i) === 34) {
      let value = '';
      i++;
      for (;;) {
        const close = text.indexOf('"', i);
        if (close < 0) return undefined;
        value += text.slice(i, close);
        if (text.charCodeAt(close + 1) === 34) {
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
