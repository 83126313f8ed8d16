import type { LogFormat, RecordSink } from './log-format.ts';

/** The word after `marker` in `text`, up to the next space. */
function wordAfter(text: string, at: number): string {
  const end = text.indexOf(' ', at);
  return text.slice(at, end < 0 ? undefined : end);
}

/** A syslog line (`Jul  6 11:12:04 host prog[pid]: …`) or one dated by the program itself. */
const DATED = /^(\w{3} [ \d]\d \d\d:\d\d:\d\d|\d{1,4}[-/.][\w]{1,3}[-/.]\d{1,4}[ T]\d)/;

/**
 * BIND 9's query log: `… client @0x… 192.0.2.1#53 (name): query: name IN A +E(0) (192.0.2.53)`,
 * alone (a `queries` channel) or inside syslog. Other named messages are skipped.
 */
function bindLine(text: string, sink: RecordSink): void {
  let at = text.indexOf('query: ');
  if (at < 0)
    return !text.includes(' client ') && (DATED.test(text) || text.includes('named['))
      ? sink.skip()
      : sink.unreadable();
  at += 7;
  // Some versions repeat the word: `view internal: query: query: example.org IN NS`.
  if (text.startsWith('query: ', at)) at += 7;
  const name = wordAfter(text, at);
  if (name === '') return sink.unreadable();
  sink.value(name);
}

export const bindQueries: LogFormat = {
  id: 'bind',
  label: 'a BIND 9 query log',
  create: (sample) =>
    sample.some((line) => /client .*query: \S+ \w+ \w+/.test(line))
      ? { line: bindLine }
      : undefined,
};

/**
 * dnsmasq's `log-queries` output, which Pi-hole writes to pihole.log: `query[A] name from
 * 192.168.1.20` is a query; `forwarded`, `reply`, `cached`, `gravity blocked` lines about the
 * same query are skipped so that each is counted once.
 */
function dnsmasqLine(text: string, sink: RecordSink): void {
  const at = text.indexOf(' query[');
  if (at < 0)
    return text.includes('dnsmasq[') || text.includes('pihole') ? sink.skip() : sink.unreadable();
  const close = text.indexOf('] ', at);
  if (close < 0) return sink.unreadable();
  const name = wordAfter(text, close + 2);
  if (name === '') return sink.unreadable();
  sink.value(name);
}

export const dnsmasqQueries: LogFormat = {
  id: 'dnsmasq',
  label: 'a dnsmasq or Pi-hole query log',
  create: (sample) =>
    sample.some((line) => /(dnsmasq\[\d+\]:|^\S.*) query\[\w+\] \S+ from /.test(line))
      ? { line: dnsmasqLine }
      : undefined,
};

/** `(7)chatgpt(3)com(0)` → `chatgpt.com`: the debug log writes a name as its wire labels. */
export function windowsDnsName(text: string): string {
  return text.replace(/\(\d+\)/g, '.').replace(/^\.+|\.+$/g, '');
}

const PACKET =
  /\s(?:UDP|TCP)\s+(Snd|Rcv)\s+\S+\s+[0-9a-fA-F]+\s+(R\s+)?[QNU?]\s+\[[^\]]*\]\s+\S+\s+(\S+)\s*$/;
/** The legend at the top, and the packet details the "Details" option adds under each packet. */
const LEGEND = /^(DNS Server log|Log file wrap|Message logging key|(UDP|TCP) \w+ info at |\s|$)/;

/**
 * The Windows DNS Server debug log (dns.log): a legend, then `date time thread PACKET id UDP
 * Rcv client xid [R] Q [flags] type (7)chatgpt(3)com(0)`. A query the server received (Rcv,
 * not a response) is a record; what it sends and answers is skipped, so each counts once.
 */
function windowsDnsLine(text: string, sink: RecordSink): void {
  if (LEGEND.test(text)) return sink.skip();
  if (!text.includes(' PACKET ')) return DATED.test(text) ? sink.skip() : sink.unreadable();
  const m = PACKET.exec(text);
  if (!m) return sink.unreadable();
  if (m[1] !== 'Rcv' || m[2]) return sink.skip();
  const name = windowsDnsName(m[3]!);
  return name === '' ? sink.noHost() : sink.value(name);
}

export const windowsDnsDebug: LogFormat = {
  id: 'windows-dns',
  label: 'a Windows DNS Server debug log',
  create: (sample) =>
    sample.some((line) => line.includes(' PACKET ') && PACKET.test(line))
      ? { line: windowsDnsLine }
      : undefined,
};
