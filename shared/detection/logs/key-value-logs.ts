import { parseLogTime, type LogFormat, type LogParser, type RecordSink } from './log-format.ts';

/**
 * Keys that name the destination, best first (compared in lower case): FortiGate's `hostname`
 * (web filter) and `qname` (DNS), CEF's `dhost` and `request`, and the usual others. A source
 * host (`shost`, `devname`) is never one of them.
 */
const HOST_KEYS = new Map(
  [
    'hostname',
    'qname',
    'dhost',
    'dsthost',
    'dst_host',
    'desthost',
    'dest_host',
    'host',
    'domain',
    'sni',
    'servername',
    'server_name',
    'request',
    'requesturl',
    'url',
  ].map((key, rank) => [key, rank]),
);
/** Keys of an address: a record with one and no host key is a connection by IP. */
const ADDRESS_KEY = /^(dstip|dst|dest_ip|dstaddr|destinationaddress|remoteip|ip)$/;
/** `key=value` or `key="value with spaces"`, after a space, a tab, `|` or the line's start. */
const PAIR = /(?:^|[\s|])([A-Za-z_][\w.-]*)=("(?:[^"\\]|\\.)*"|[^\s"]*)/g;

/**
 * Logs written as `key=value` pairs: Fortinet FortiGate, ArcSight CEF (`CEF:0|…|dhost=…`),
 * IBM QRadar LEEF, and the many appliances that follow them. The host is the best-ranked key
 * present; the record's time is CEF's `rt` when it has one.
 */
function keyValueLine(text: string, sink: RecordSink): void {
  let best: string | undefined;
  let bestRank = Infinity;
  let pairs = 0;
  let address = false;
  let kind = /\b(CEF|LEEF): ?\d\|/.test(text);
  let time: number | undefined;
  PAIR.lastIndex = 0;
  for (let m = PAIR.exec(text); m; m = PAIR.exec(text)) {
    pairs++;
    const key = m[1]!.toLowerCase();
    const raw = m[2]!;
    const value = raw.startsWith('"') ? raw.slice(1, -1).replace(/\\(.)/g, '$1') : raw;
    const rank = HOST_KEYS.get(key);
    if (rank !== undefined && rank < bestRank && value !== '' && value !== 'N/A') {
      best = value;
      bestRank = rank;
    } else if (key === 'rt') time = parseLogTime(value);
    else if (ADDRESS_KEY.test(key)) address = true;
    else if (key === 'type') kind = true;
  }
  if (pairs < 2) return sink.unreadable();
  if (best !== undefined) return sink.value(best, time);
  if (address) return sink.noHost();
  // A record of another kind (a FortiGate system event, a CEF login) is skipped; pairs that
  // say neither what they are nor where they went (a line cut short) cannot be read.
  return kind ? sink.skip() : sink.unreadable();
}

export const keyValueLog: LogFormat = {
  id: 'key-value',
  label: 'a key=value log (Fortinet FortiGate, CEF, LEEF)',
  noHostsBecause:
    'its records name no destination host (hostname, qname, dhost, request…): they record connections by IP address',
  create(sample): LogParser | undefined {
    const looksLikeIt = sample.some(
      (line) =>
        /\b(CEF|LEEF): ?\d\|/.test(line) || (line.match(/\w=("[^"]*"|\S+)/g)?.length ?? 0) >= 4,
    );
    return looksLikeIt ? { line: keyValueLine } : undefined;
  },
};
