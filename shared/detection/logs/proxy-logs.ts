import { firstDataLine } from './csv-export.ts';
import type { LogFormat, RecordSink } from './log-format.ts';

const isDigit = (c: number) => c >= 48 && c <= 57;
const isSpace = (c: number) => c === 32 || c === 9;

/**
 * Squid's native format, `time elapsed client code/status bytes method URL …`: the seventh
 * field is the URL, or `host:443` for CONNECT. Read with indexOf and index arithmetic — no
 * split, no regex — because proxies write hundreds of millions of these lines.
 */
function squidLine(text: string, sink: RecordSink): void {
  const end = text.length;
  let at = 0;
  while (at < end && isSpace(text.charCodeAt(at))) at++;
  if (at === end || text.charCodeAt(at) === 35) return sink.skip();
  if (!isDigit(text.charCodeAt(at))) {
    // Forwarded through syslog: `Dec  7 10:00:01 proxy squid[812]: 1765101600.123 …`.
    const colon = text.indexOf(': ', at);
    if (colon < 0) return sink.unreadable();
    at = colon + 2;
  }
  // Field 1: `%ts.%03tu`, epoch seconds and milliseconds.
  let seconds = 0;
  let fraction = 0;
  let fractionDigits = -1;
  for (; at < end; at++) {
    const c = text.charCodeAt(at);
    if (isDigit(c)) {
      if (fractionDigits < 0) seconds = seconds * 10 + (c - 48);
      else if (fractionDigits < 3) {
        fraction = fraction * 10 + (c - 48);
        fractionDigits++;
      }
    } else if (c === 46 && fractionDigits < 0) fractionDigits = 0;
    else break;
  }
  if (at === end || !isSpace(text.charCodeAt(at)) || seconds === 0) return sink.unreadable();
  // Fields 2–6 (elapsed, client, code/status, bytes, method), space-separated; the elapsed
  // time is right-aligned, so runs of spaces are skipped.
  let codeStart = 0;
  let codeEnd = 0;
  for (let field = 2; field <= 7; field++) {
    while (at < end && isSpace(text.charCodeAt(at))) at++;
    let next = text.indexOf(' ', at);
    if (next < 0) next = end;
    if (next === at) return sink.unreadable();
    if (field === 4) {
      codeStart = at;
      codeEnd = next;
    } else if (field === 7) {
      const slash = text.indexOf('/', codeStart);
      if (slash < 0 || slash >= codeEnd) return sink.unreadable();
      const ms = fractionDigits <= 0 ? 0 : fraction * 10 ** (3 - fractionDigits);
      const time = seconds > 946_684_800 ? seconds * 1000 + ms : undefined;
      return sink.value(text.slice(at, next), time);
    }
    at = next;
  }
}

export const squidNative: LogFormat = {
  id: 'squid',
  label: 'a Squid native access log',
  create(sample) {
    const at = firstDataLine(sample);
    return at >= 0 && /^(\S.*?: )?\s*\d{9,}\.\d+\s+\d+\s+\S+\s+\S+\/\d+\s/.test(sample[at]!)
      ? { line: squidLine }
      : undefined;
  },
};

const MONTHS: Record<string, number> = {
  Jan: 0,
  Feb: 1,
  Mar: 2,
  Apr: 3,
  May: 4,
  Jun: 5,
  Jul: 6,
  Aug: 7,
  Sep: 8,
  Oct: 9,
  Nov: 10,
  Dec: 11,
};

/** `10/Oct/2000:13:55:36 -0700`, the common log format's time, as epoch ms. */
function clfTime(text: string): number | undefined {
  const m = /^(\d\d)\/(\w{3})\/(\d{4}):(\d\d):(\d\d):(\d\d)(?: ([+-])(\d\d)(\d\d))?$/.exec(text);
  const month = m ? MONTHS[m[2]!] : undefined;
  if (!m || month === undefined) return undefined;
  const offset = m[7] ? (m[7] === '-' ? -1 : 1) * (Number(m[8]) * 60 + Number(m[9])) : 0;
  return (
    Date.UTC(Number(m[3]), month, Number(m[1]), Number(m[4]), Number(m[5]), Number(m[6])) -
    offset * 60_000
  );
}

/**
 * The common and combined log formats, as Squid (`logformat common`), nginx, Apache and Apache
 * mod_proxy write them: `client ident user [time] "METHOD target PROTO" status bytes …`. Only
 * the quoted request is read, so a user agent may hold commas, quotes or anything else. A
 * proxy's target is a URL or `host:port` (CONNECT); a web server's own log has only paths.
 */
function accessLine(text: string, sink: RecordSink): void {
  if (text.trim() === '' || text.startsWith('#')) return sink.skip();
  const open = text.indexOf(' [');
  const close = open < 0 ? -1 : text.indexOf('] "', open);
  if (close < 0) return sink.unreadable();
  const requestStart = close + 3;
  const requestEnd = text.indexOf('"', requestStart);
  if (requestEnd < 0) return sink.unreadable();
  const request = text.slice(requestStart, requestEnd);
  const space = request.indexOf(' ');
  if (space <= 0) return request === '-' ? sink.noHost() : sink.unreadable();
  const targetEnd = request.indexOf(' ', space + 1);
  const target = request.slice(space + 1, targetEnd < 0 ? undefined : targetEnd);
  if (target.startsWith('/') || target === '*') return sink.noHost();
  sink.value(target, clfTime(text.slice(open + 2, close)));
}

export const accessLog: LogFormat = {
  id: 'access-log',
  label: 'a common or combined access log (Squid, nginx, Apache, Apache mod_proxy)',
  noHostsBecause:
    "its requests name only paths: it is a web server's own access log, not a proxy's, so it does not say which sites people visited",
  create(sample) {
    const at = firstDataLine(sample);
    return at >= 0 && /^\S+ \S+ .*?\[[^\]]+\] "/.test(sample[at]!)
      ? { line: accessLine }
      : undefined;
  },
};
