import { accessLog, squidNative } from './proxy-logs.ts';
import { csvExport, umbrellaDns } from './csv-export.ts';
import { bindQueries, dnsmasqQueries, windowsDnsDebug } from './dns-logs.ts';
import { paloAlto } from './firewall-logs.ts';
import { hostOf } from './host-value.ts';
import { jsonLog } from './json-logs.ts';
import { keyValueLog } from './key-value-logs.ts';
import { MAX_LINE, type LogFormat, type LogParser, type RecordSink } from './log-format.ts';
import { plainList } from './plain-list.ts';
import { entraSignIns } from './sign-in-logs.ts';
import { w3cExtended } from './w3c-extended.ts';
import { zeekTsv } from './zeek.ts';

/**
 * Every format the scan reads, in the order detection prefers them when two read a sample
 * equally well: the most specific first, a plain list of hosts last.
 */
export const LOG_FORMATS: readonly LogFormat[] = [
  entraSignIns,
  jsonLog,
  zeekTsv,
  w3cExtended,
  windowsDnsDebug,
  bindQueries,
  dnsmasqQueries,
  squidNative,
  accessLog,
  paloAlto,
  keyValueLog,
  umbrellaDns,
  csvExport,
  plainList,
];

/** What `--input-format` (and the PWA's format choice) takes: `auto`, or a format's id. */
export { MAX_LINE };

export const INPUT_FORMATS = ['auto', ...LOG_FORMATS.map((f) => f.id)] as const;

export const logFormat = (id: string) => LOG_FORMATS.find((f) => f.id === id);

/** A chosen format whose first lines do not look like it at all: none of its records is read. */
const NOT_THIS_FORMAT: LogParser = {
  line: (text, sink) => (text.trim() === '' ? sink.skip() : sink.unreadable()),
};

export class LogFormatError extends Error {
  override name = 'LogFormatError';
}

/** How much of a log detection looks at before it decides. */
const SAMPLE_CHARS = 64 * 1024;
const SAMPLE_LINES = 500;

/** What a reader has counted so far. */
export interface LogCounts {
  /** Lines read (records, for a JSON document). */
  lines: number;
  /** Records: lines or objects that are log entries (not headers, comments or chatter). */
  records: number;
  /** Records that named a hostname. */
  hosts: number;
  /** Records that named no host: an IP address, a sign-in, a DNS name that is not a hostname. */
  noHost: number;
  /** Records whose structure could not be read. */
  unreadable: number;
}

/**
 * Called for each record that names a hostname: the host normalised (lower case, ASCII, no
 * port or trailing dot), what the log said (a URL, `HOST:443`…), its line (or record) number
 * and its time when the log has one. Positional, so that no object is made per line.
 */
export type OnHost = (host: string, value: string, line: number, time: number | undefined) => void;

export type LogVerdict =
  | { kind: 'ok' }
  | { kind: 'empty' }
  | { kind: 'unreadable' }
  | { kind: 'no-hosts'; because: string };

export interface LogReadSummary {
  format: LogFormat;
  /** Whether the format was chosen by the caller rather than detected. */
  forced: boolean;
  /** "lines", or "records" for a JSON document whose records span lines. */
  unit: 'lines' | 'records';
  counts: LogCounts;
  verdict: LogVerdict;
}

/** Archives people export logs in that are not read as they are (gzip is, at the edges). */
const ARCHIVES: [string, string][] = [
  ['PK\u0003\u0004', 'a ZIP archive'],
  ['BZh91AY&SY', 'a bzip2 archive'],
  ['\uFFFD7zXZ', 'an xz archive'],
];

/** Scores a format on a sample: the share of its records it reads, or -1 if it reads none. */
function score(format: LogFormat, parser: LogParser, sample: readonly string[]): number {
  let good = 0;
  let bad = 0;
  const sink: RecordSink = {
    value(text) {
      if (format.strictValues && hostOf(text) === undefined) bad++;
      else good++;
    },
    noHost: () => good++,
    unreadable: () => bad++,
    skip: () => {},
  };
  for (const line of sample) parser.line(line, sink);
  return good === 0 ? -1 : good / (good + bad);
}

/** The format that reads the sample best (a plain list when none reads it at all). */
export function detectFormat(sample: readonly string[]): LogFormat {
  const archive = ARCHIVES.find(([magic]) => sample[0]?.startsWith(magic));
  if (archive)
    throw new LogFormatError(`not a text log: it is ${archive[1]}; extract the log from it first`);
  if (sample.some((line) => line.includes('\u0000')))
    throw new LogFormatError('not a text log: the file contains binary data');
  let best = plainList;
  let bestScore = -1;
  for (const format of LOG_FORMATS) {
    const parser = format.create(sample);
    const s = parser ? score(format, parser, sample) : -1;
    if (s > bestScore) {
      best = format;
      bestScore = s;
    }
  }
  return best;
}

/** Whether a scan's result can be trusted, given what its reader counted. */
export function logVerdict(counts: LogCounts, because: string | undefined): LogVerdict {
  if (counts.records === 0) return { kind: 'empty' };
  if (counts.unreadable * 2 > counts.records) return { kind: 'unreadable' };
  if (counts.hosts === 0)
    return { kind: 'no-hosts', because: because ?? 'none of its records names a host' };
  return { kind: 'ok' };
}

const count = (n: number) => n.toLocaleString('en');

/**
 * The verdict in words, the same for the command line and the PWA (each adds how to choose
 * another format in its own terms). Undefined when the result can be trusted.
 */
export function verdictMessage(summary: LogReadSummary): string | undefined {
  const { verdict, counts, format, unit } = summary;
  const readAs = `Sightline read this file as ${format.label}${summary.forced ? ', the format chosen' : ', the format its first lines look most like'}.`;
  switch (verdict.kind) {
    case 'ok':
      return undefined;
    case 'empty':
      return 'There is nothing to scan: the file has no log lines.';
    case 'unreadable':
      return `${readAs} ${count(counts.unreadable)} of its ${count(counts.records)} ${unit} could not be read, so finding nothing in it would not mean that no AI tools were used.`;
    case 'no-hosts':
      return `${readAs} None of its ${count(counts.records)} ${unit} names a host: ${verdict.because}.`;
  }
}

export interface LogReader {
  /** The next piece of text (pieces may split lines anywhere). */
  push(text: string): void;
  /** Reads what is left (a last line without a line break) and says what was read. */
  finish(): LogReadSummary;
  counts(): Readonly<LogCounts>;
}

/**
 * Reads a log a piece at a time, in constant memory: detects its format from the first 64 KB
 * (unless one is given), then hands each line to the format's parser and each hostname to
 * `onHost`. Throws LogFormatError for a file that is not text.
 */
export function logReader(options: { format?: string; onHost: OnHost }): LogReader {
  const forced = options.format !== undefined && options.format !== 'auto';
  let format = forced ? logFormat(options.format!) : undefined;
  if (forced && !format) throw new LogFormatError(`unknown input format ${options.format}`);
  let parser: LogParser | undefined;
  let pending: string[] | undefined = [];
  let pendingChars = 0;
  let rest = '';
  let skipping = false;
  let started = false;
  let line = 0;
  const counts: LogCounts = { lines: 0, records: 0, hosts: 0, noHost: 0, unreadable: 0 };
  const { onHost } = options;

  const sink: RecordSink = {
    value(text, time) {
      counts.records++;
      const host = hostOf(text);
      if (typeof host === 'string') {
        counts.hosts++;
        onHost(host, text, parser!.text ? counts.records : line, time);
      } else if (host === undefined && format!.strictValues) counts.unreadable++;
      else counts.noHost++;
    },
    noHost() {
      counts.records++;
      counts.noHost++;
    },
    unreadable() {
      counts.records++;
      counts.unreadable++;
    },
    skip() {},
  };

  function read(text: string) {
    line++;
    counts.lines = line;
    // Blank lines are nothing, in every format.
    if (text.length === 0 || (text.charCodeAt(0) <= 32 && text.trim() === '')) return;
    parser!.line(text.charCodeAt(text.length - 1) === 13 ? text.slice(0, -1) : text, sink);
  }

  /** Detects the format from what is pending (and the start of a long line), then replays it. */
  function start(longLine?: string) {
    const lines = pending!;
    pending = undefined;
    const sample = longLine === undefined ? lines : [...lines, longLine];
    format ??= detectFormat(sample);
    parser = format.create(sample) ?? NOT_THIS_FORMAT;
    for (const text of lines) read(text);
  }

  function take(text: string) {
    if (pending) {
      pending.push(text);
      pendingChars += text.length;
      if (pendingChars >= SAMPLE_CHARS || pending.length >= SAMPLE_LINES) start();
    } else read(text);
  }

  function push(chunk: string): void {
    if (chunk === '') return;
    if (!started) {
      started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    if (parser?.text) {
      parser.text.piece(chunk, sink);
      counts.lines = counts.records;
      return;
    }
    let from = 0;
    for (let end = chunk.indexOf('\n'); end >= 0; end = chunk.indexOf('\n', from)) {
      if (skipping) skipping = false;
      else take(from === 0 ? rest + chunk.slice(0, end) : chunk.slice(from, end));
      if (from === 0) rest = '';
      from = end + 1;
      // A JSON document seen in the sample: the rest goes to it as text, not as lines.
      if (parser?.text) return push(chunk.slice(from));
    }
    if (skipping) return;
    rest = from === 0 ? rest + chunk : chunk.slice(from);
    if (rest.length <= MAX_LINE) return;
    if (pending) {
      // Detection sees the long line's start: a JSON array on one line is one long line.
      start(rest);
      if (parser!.text) {
        const text = rest;
        rest = '';
        return push(text);
      }
    }
    // A "line" of megabytes is not a log line: count it once, keep no more of it in memory.
    line++;
    counts.lines = line;
    sink.unreadable();
    rest = '';
    skipping = true;
  }

  return {
    push,
    finish() {
      if (rest !== '' && !skipping) take(rest);
      rest = '';
      if (pending) start();
      parser!.text?.end(sink);
      parser!.end?.(sink);
      if (parser!.text) counts.lines = counts.records;
      const because = parser!.noHostsBecause ?? format!.noHostsBecause;
      return {
        format: format!,
        forced,
        unit: parser!.text ? 'records' : 'lines',
        counts: { ...counts },
        verdict: logVerdict(counts, because),
      };
    },
    // Lines waiting for detection count as read: progress moves from the first piece.
    counts: () => (pending ? { ...counts, lines: line + pending.length } : counts),
  };
}
