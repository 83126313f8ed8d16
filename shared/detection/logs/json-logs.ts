import { parseLogTime, type LogFormat, type LogParser, type RecordSink } from './log-format.ts';

/**
 * Keys that name the host, best first (compared in lower case): Route 53 `query_name`,
 * Cloudflare Gateway `QueryName` / `HTTPHost` / `SNI` / `URL`, Zeek JSON `query` / `host` /
 * `server_name`, Zscaler NSS `hostname` / `url` / DNS `req`, Defender `RemoteUrl`.
 */
const HOST_KEYS = new Map(
  [
    'query_name',
    'queryname',
    'rrname',
    'query',
    'qname',
    'server_name',
    'servername',
    'sni',
    'hostname',
    'host',
    'httphost',
    'http_host',
    'dest_host',
    'fqdn',
    'domain',
    'remoteurl',
    'url',
    'request_url',
    'dns_req',
    'req',
  ].map((key, rank) => [key, rank]),
);
const TIME_KEYS = new Set([
  'timestamp',
  '@timestamp',
  'query_timestamp',
  'datetime',
  'ts',
  'time',
  'eventtime',
  'createddatetime',
]);
/** Values that mean "none" in the exports above. */
const NONE = new Set(['', '-', 'none', 'n/a', 'na', '(empty)']);

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * Suricata's eve.json: one record per event, its kind in `event_type`. DNS queries (not their
 * answers: each query is counted once), HTTP hosts and TLS/QUIC SNI name hosts; alerts, flows
 * and statistics are skipped.
 */
function suricataRecord(record: Json, sink: RecordSink): void {
  const time = parseLogTime(text(record.timestamp) ?? '');
  const kind = record.event_type;
  const section = isObject(record[kind as string]) ? (record[kind as string] as Json) : undefined;
  let name: string | undefined;
  if (kind === 'dns' && section) {
    if (section.type === 'answer' || section.type === 'response') return sink.skip();
    const queries = Array.isArray(section.queries) ? section.queries : [];
    name = text(section.rrname) ?? (isObject(queries[0]) ? text(queries[0].rrname) : undefined);
  } else if (kind === 'http' && section) name = text(section.hostname);
  else if ((kind === 'tls' || kind === 'quic') && section) name = text(section.sni);
  else return sink.skip();
  return name === undefined || NONE.has(name) ? sink.noHost() : sink.value(name, time);
}

/** One JSON record from any of the exports named above. */
export function jsonRecord(value: unknown, sink: RecordSink, wrapped = false): void {
  if (!isObject(value)) return sink.unreadable();
  if (typeof value.event_type === 'string') return suricataRecord(value, sink);
  // Zscaler NSS (and Splunk HEC exports) wrap the record: {"sourcetype": …, "event": {…}}.
  const record = isObject(value.event) ? value.event : value;
  // Graph and Azure exports wrap their records: {"value": […]} or {"records": […]}.
  const list = Array.isArray(record.value) ? record.value : record.records;
  if (Array.isArray(list) && !wrapped) {
    // One level only: a hostile file nesting wrappers a million deep is one record, not a stack.
    for (const item of list) jsonRecord(item, sink, true);
    return;
  }
  let best: string | undefined;
  let bestRank = Infinity;
  let time: number | undefined;
  let address = false;
  let named = false;
  for (const key in record) {
    const lower = key.toLowerCase();
    const field = record[key];
    const rank = HOST_KEYS.get(lower);
    if (rank !== undefined && typeof field === 'string') {
      named = true;
      if (rank < bestRank && !NONE.has(field.toLowerCase())) {
        best = field;
        bestRank = rank;
      }
    } else if (time === undefined && TIME_KEYS.has(lower)) {
      time =
        typeof field === 'number' || typeof field === 'string' ? parseLogTime(field) : undefined;
    } else if (!address && /ip$|ipaddress|addr|^id\.resp_h$/.test(lower)) address = true;
  }
  if (best !== undefined) return sink.value(best, time);
  return named || address ? sink.noHost() : sink.unreadable();
}

/** JSON lines: one record per line. */
function jsonLine(line: string, sink: RecordSink): void {
  const trimmed = line.trim();
  if (trimmed === '') return sink.skip();
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch {
    return sink.unreadable();
  }
  if (Array.isArray(value)) for (const item of value) jsonRecord(item, sink);
  else jsonRecord(value, sink);
}

/** Longer records are not log records: they are dropped, counted unreadable. */
const MAX_RECORD = 1 << 20;

/**
 * JSON documents whose records span lines: an array (`[{…},{…}]`, pretty-printed or on one
 * line of any length) or pretty-printed objects one after another. A small scanner finds where
 * each top-level record ends — outside strings — and parses it alone, so memory holds one
 * record, never the file.
 */
function jsonDocument(): NonNullable<LogParser['text']> {
  let depth = 0;
  let base = -1; // 1 inside a top-level array, 0 for objects one after another
  let inString = false;
  let escaped = false;
  let parts: string[] = [];
  let size = 0;
  let recordStart = -1;
  let tooLong = false;
  return {
    piece(chunk, sink) {
      for (let i = 0; i < chunk.length; i++) {
        const c = chunk.charCodeAt(i);
        if (inString) {
          if (escaped) escaped = false;
          else if (c === 92) escaped = true;
          else if (c === 34) inString = false;
          continue;
        }
        if (c === 34) inString = true;
        else if (c === 123 || c === 91) {
          if (base < 0) base = c === 91 ? 1 : 0;
          if (depth === base && c === 123) recordStart = i;
          depth++;
        } else if (c === 125 || c === 93) {
          depth--;
          if (depth === base && recordStart >= 0) {
            const last = chunk.slice(recordStart, i + 1);
            if (tooLong) sink.unreadable();
            else {
              let value: unknown;
              try {
                value = JSON.parse(parts.length > 0 ? parts.join('') + last : last);
              } catch {
                value = undefined;
              }
              if (value === undefined) sink.unreadable();
              else jsonRecord(value, sink);
            }
            parts = [];
            size = 0;
            tooLong = false;
            recordStart = -1;
          }
        }
      }
      if (recordStart >= 0) {
        // The record goes on in the next piece: keep what it has so far, unless it is too long.
        if (!tooLong) {
          size += chunk.length - recordStart;
          if (size > MAX_RECORD) {
            tooLong = true;
            parts = [];
          } else parts.push(chunk.slice(recordStart));
        }
        recordStart = 0;
      }
    },
    end(sink) {
      if (parts.length > 0 || tooLong) sink.unreadable(); // a truncated last record
    },
  };
}

/** Whether the sample's first record spans lines: a document, not JSON lines. */
function isDocument(sample: readonly string[]): boolean {
  const first = sample.find((line) => line.trim() !== '')?.trim() ?? '';
  if (first.startsWith('[')) return true;
  try {
    JSON.parse(first);
    return false;
  } catch {
    return true;
  }
}

export const jsonLog: LogFormat = {
  id: 'json',
  label:
    'a JSON log (Suricata eve.json, Zeek JSON, Cloudflare Gateway, AWS Route 53 Resolver, Zscaler NSS, Defender)',
  noHostsBecause:
    'its records name no host (no query name, hostname, SNI or URL field): they record connections by IP address',
  create(sample) {
    const first = sample.find((line) => line.trim() !== '')?.trimStart() ?? '';
    if (!first.startsWith('{') && !first.startsWith('[')) return undefined;
    if (!isDocument(sample)) return { line: jsonLine };
    const document = jsonDocument();
    return {
      text: document,
      line(line, sink) {
        document.piece(line + '\n', sink);
      },
    };
  },
};
