import { parseLogTime, type LogFormat, type LogParser } from './log-format.ts';

/** The field that names the host in each Zeek log: dns.log, http.log, ssl.log (and others'). */
const HOST_FIELDS = ['query', 'host', 'server_name', 'sni'];

/** `\x09` in a `#separator` line, as Zeek writes it. */
const unescape = (text: string) =>
  text.replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

/**
 * Zeek's TSV logs: `#separator`, `#fields` (the column names) and `#types` headers, then one
 * record per line, `-` for an unset field. A file may hold several logs one after another, each
 * with its own headers, so every `#fields` line is read.
 */
function zeekParser(): LogParser {
  let separator = '\t';
  let fields: string[] = [];
  let column = -1;
  let timeColumn = -1;
  return {
    line(text, sink) {
      if (text.startsWith('#')) {
        if (text.startsWith('#separator ')) separator = unescape(text.slice(11).trim()) || '\t';
        else if (text.startsWith('#fields')) {
          fields = text.split(separator).slice(1);
          column = HOST_FIELDS.map((f) => fields.indexOf(f)).find((i) => i >= 0) ?? -1;
          timeColumn = fields.indexOf('ts');
        }
        return sink.skip();
      }
      if (text.trim() === '') return sink.skip();
      const values = text.split(separator);
      if (fields.length === 0 || values.length !== fields.length) return sink.unreadable();
      const value = column < 0 ? '-' : values[column]!;
      if (value === '-' || value === '(empty)' || value === '') return sink.noHost();
      sink.value(value, timeColumn < 0 ? undefined : parseLogTime(values[timeColumn]!));
    },
  };
}

export const zeekTsv: LogFormat = {
  id: 'zeek',
  label: 'a Zeek TSV log (dns.log, http.log, ssl.log)',
  noHostsBecause:
    'its records name no host: read a Zeek dns.log, http.log or ssl.log rather than conn.log',
  create: (sample) =>
    sample.some((line) => line.startsWith('#fields')) ? zeekParser() : undefined,
};
