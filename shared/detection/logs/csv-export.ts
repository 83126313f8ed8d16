import { hostOf } from './host-value.ts';
import {
  MAX_LINE,
  parseLogTime,
  splitCsvLine,
  type LogFormat,
  type LogParser,
} from './log-format.ts';

/**
 * Header names that hold a host or a URL, best first, as proxy, DNS and EDR exports name them
 * (Defender's RemoteUrl, Umbrella's Domain, Palo Alto's URL/Filename, Zeek's server_name…),
 * compared in lower case without spaces or punctuation: `Host Name`, `host_name` and `hostname`
 * are one name.
 */
const HOST_COLUMNS = [
  'host',
  'hostname',
  'domain',
  'domainname',
  'fqdn',
  'query',
  'queryname',
  'qname',
  'dnsquery',
  'dnsquestionname',
  'cshost',
  'desthost',
  'desthostname',
  'destinationhost',
  'destinationhostname',
  'destinationdomain',
  'servername',
  'sni',
  'httphost',
  'site',
  'website',
  'remoteurl',
  'url',
  'urlfilename',
  'requesturl',
  'requestedurl',
  'csuri',
  'uri',
];
/** Header names that hold when a request happened, best first (compared as above). */
const TIME_COLUMNS = [
  'timestamp',
  'time',
  'datetime',
  'eventtime',
  'timegenerated',
  'receivetime',
  'generatetime',
  'dateutc',
  'ts',
  'date',
];
/** Header names of address columns: a CSV with these and no host column names no hosts. */
const ADDRESS_COLUMN = /(^|[\s_.-])(ip|addr|address|dst|src)([\s_.-]|$)|ip$|ipaddress|address$/;
const DELIMITERS = [',', '\t', ';'] as const;

const unquote = (field: string) => field.trim().replace(/^"|"$/g, '');
const label = (field: string) =>
  unquote(field)
    .replace(/^\uFEFF/, '')
    .toLowerCase();
const columnName = (field: string) => label(field).replace(/[^a-z0-9]/g, '');

/** The first line that is not blank or a `#` comment. */
export function firstDataLine(sample: readonly string[]): number {
  return sample.findIndex((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
}

interface Layout {
  delimiter: string;
  names: string[];
}

/** Blank lines and `#` comments are skipped; the first other line is the header, skipped too. */
function headerSkipper() {
  let header = true;
  return (text: string): boolean => {
    const trimmed = text.trim();
    if (trimmed === '' || trimmed.startsWith('#')) return true;
    if (!header) return false;
    header = false;
    return true;
  };
}

/** How a header splits, when it names columns we know. */
function headerLayout(header: string): Layout | undefined {
  for (const delimiter of DELIMITERS) {
    const fields = splitCsvLine(header, delimiter);
    if (!fields) continue;
    const names = fields.map(columnName);
    const known = names.some((n) => HOST_COLUMNS.includes(n) || TIME_COLUMNS.includes(n));
    if (known && (names.length > 1 || HOST_COLUMNS.includes(names[0]!)))
      return { delimiter, names };
  }
  return undefined;
}

/**
 * The host column: the best-named one whose sample values are mostly hosts or URLs — never one
 * that holds only numbers (Palo Alto exports have a "Domain" column that is always `1`).
 */
function chooseColumn(layout: Layout, rows: string[][]): number | undefined {
  const candidates = HOST_COLUMNS.map((name) => layout.names.indexOf(name)).filter((i) => i >= 0);
  const filled = (column: number) =>
    rows.map((row) => unquote(row[column] ?? '')).filter((v) => v !== '' && v !== '-');
  for (const column of candidates) {
    const values = filled(column);
    const hosts = values.filter((v) => !/^\d+$/.test(v) && hostOf(v) !== undefined).length;
    if (values.length > 0 && hosts * 2 >= values.length) return column;
  }
  // A host column still empty in the first rows (Defender logs many connections by IP only).
  return candidates.find((column) => filled(column).length === 0);
}

/** CSV or TSV exports with a header: proxy, DNS, Defender, Umbrella (with its header) and others. */
export const csvExport: LogFormat = {
  id: 'csv',
  label: 'a CSV or TSV export with a header row',
  create(sample) {
    const at = firstDataLine(sample);
    if (at < 0) return undefined;
    const layout = headerLayout(sample[at]!);
    if (!layout) return addressOnly(sample[at]!);
    const rows = sample
      .slice(at + 1, at + 200)
      .filter((line) => line.trim() !== '')
      .map((line) => splitCsvLine(line, layout.delimiter) ?? []);
    const column = chooseColumn(layout, rows);
    if (column === undefined) return addressOnly(sample[at]!);
    const timeColumn = TIME_COLUMNS.map((t) => layout.names.indexOf(t)).find((i) => i >= 0);
    return csvParser(layout.delimiter, column, timeColumn);
  },
};

/** A quoted field may hold line breaks: a record may go on for this many lines, no more. */
const MAX_RECORD_LINES = 20;

function csvParser(delimiter: string, column: number, timeColumn?: number): LogParser {
  const skips = headerSkipper();
  let carried = '';
  let carriedLines = 0;
  return {
    line(text, sink) {
      if (carriedLines === 0 && skips(text)) return sink.skip();
      const record = carriedLines === 0 ? text : `${carried}\n${text}`;
      const fields = splitCsvLine(record, delimiter);
      if (!fields && carriedLines < MAX_RECORD_LINES && record.length < MAX_LINE) {
        // A quoted field still open: the record goes on on the next line.
        carried = record;
        carriedLines++;
        return;
      }
      carried = '';
      carriedLines = 0;
      if (!fields || fields.length <= column) return sink.unreadable();
      const value = unquote(fields[column]!);
      if (value === '' || value === '-') return sink.noHost();
      const time = timeColumn === undefined ? undefined : parseLogTime(fields[timeColumn] ?? '');
      sink.value(value, time);
    },
    end(sink) {
      if (carriedLines > 0) sink.unreadable(); // a quote opened and never closed
    },
  };
}

/** A CSV whose columns hold addresses and no host: every row is read, none names a host. */
function addressOnly(header: string): LogParser | undefined {
  for (const delimiter of DELIMITERS) {
    const names = (splitCsvLine(header, delimiter) ?? []).map(label);
    if (names.length < 3) continue;
    const addresses = names.filter((n) => ADDRESS_COLUMN.test(n));
    if (addresses.length === 0) continue;
    const skips = headerSkipper();
    return {
      noHostsBecause: `its columns hold addresses (${addresses.slice(0, 3).join(', ')}) but no hostname, domain or URL`,
      line(text, sink) {
        if (skips(text)) return sink.skip();
        return (splitCsvLine(text, delimiter)?.length ?? 0) >= names.length / 2
          ? sink.noHost()
          : sink.unreadable();
      },
    };
  }
  return undefined;
}

const UMBRELLA_QUERY_TYPE = /^\d+ \(\w+\)$/;

/**
 * Cisco Umbrella's DNS log CSV without its optional header: every field quoted, the query type
 * as `1 (A)` in the seventh and the domain, with its trailing dot, in the ninth.
 */
export const umbrellaDns: LogFormat = {
  id: 'umbrella',
  label: 'a Cisco Umbrella DNS log (CSV without a header)',
  create(sample) {
    const at = firstDataLine(sample);
    const fields = at < 0 ? undefined : splitCsvLine(sample[at]!, ',');
    if (!fields || fields.length < 9 || !UMBRELLA_QUERY_TYPE.test(fields[6]!)) return undefined;
    return {
      line(text, sink) {
        const row = splitCsvLine(text, ',');
        if (!row || row.length < 9 || !UMBRELLA_QUERY_TYPE.test(row[6]!)) return sink.unreadable();
        sink.value(row[8]!, parseLogTime(row[0]!.replace(' ', 'T') + 'Z'));
      },
    };
  },
};
