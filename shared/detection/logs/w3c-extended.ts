import { splitCsvLine, type LogFormat, type LogParser } from './log-format.ts';

/**
 * The field that names the destination, best first: ProxySG's `cs-host`, Cisco WSA's
 * `s-computerName`, the outbound URL's `r-dns`, or a full URL (`cs-uri`, `cs-url`).
 */
const HOST_FIELDS = ['cs-host', 's-computername', 'r-dns', 'cs(host)', 'cs-url', 'cs-uri'];

/**
 * The W3C extended log file format (ELFF), as Blue Coat/Symantec ProxySG, Cisco WSA and
 * Microsoft TMG write it: `#Software`, `#Version`, `#Date` and `#Fields:` directives, then one
 * record per line, fields separated by spaces (or tabs) and quoted when they hold spaces. Every
 * `#Fields:` line is read: a file may hold several logs one after another.
 */
function w3cParser(): LogParser {
  let fields: string[] = [];
  let column = -1;
  let date = -1;
  let time = -1;
  return {
    line(text, sink) {
      if (text.startsWith('#')) {
        if (text.startsWith('#Fields:')) {
          fields = text.slice(8).trim().toLowerCase().split(/\s+/);
          column = HOST_FIELDS.map((f) => fields.indexOf(f)).find((i) => i >= 0) ?? -1;
          date = fields.indexOf('date');
          time = fields.indexOf('time');
        }
        return sink.skip();
      }
      if (text.trim() === '') return sink.skip();
      const values = splitCsvLine(text, text.includes('\t') ? '\t' : ' ');
      if (!values || fields.length === 0 || values.length !== fields.length)
        return sink.unreadable();
      const value = column < 0 ? '-' : values[column]!;
      if (value === '-' || value === '') return sink.noHost();
      const at = date < 0 || time < 0 ? NaN : Date.parse(`${values[date]}T${values[time]}Z`);
      sink.value(value, Number.isNaN(at) ? undefined : at);
    },
  };
}

export const w3cExtended: LogFormat = {
  id: 'w3c',
  label: 'a W3C extended log (Blue Coat ProxySG, Cisco WSA, Microsoft TMG)',
  noHostsBecause: 'its #Fields name no destination host or URL (cs-host, s-computerName, cs-uri)',
  create: (sample) =>
    sample.some((line) => line.startsWith('#Fields:')) ? w3cParser() : undefined,
};
