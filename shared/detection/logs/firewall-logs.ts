import { firstDataLine } from './csv-export.ts';
import { splitCsvLine, type LogFormat, type RecordSink } from './log-format.ts';

/**
 * Where a PAN-OS record starts: `FUTURE_USE,Receive Time,Serial Number,Type,…`, alone (a CSV
 * export without its header) or after a syslog header.
 */
const PAN_RECORD = /(?:^|[\s>])\d+,\d{4}\/\d\d\/\d\d \d\d:\d\d:\d\d,[^,]*,([A-Z]+),/;
/** The URL/Filename field of a THREAT record (zero-based, per the syslog field list). */
const URL_FIELD = 31;

/**
 * Palo Alto Networks PAN-OS logs: a URL Filtering record (Type THREAT, subtype `url`, or URL)
 * names the URL; a TRAFFIC record only addresses, ports and the application; other records
 * (SYSTEM, CONFIG, other threats) are skipped.
 */
function panLine(text: string, sink: RecordSink): void {
  const m = PAN_RECORD.exec(text);
  if (!m) return text.trim() === '' ? sink.skip() : sink.unreadable();
  const type = m[1];
  if (type === 'TRAFFIC') return sink.noHost();
  if (type !== 'THREAT' && type !== 'URL') return sink.skip();
  const start = m.index + (m[0].charCodeAt(0) >= 48 && m[0].charCodeAt(0) <= 57 ? 0 : 1);
  const fields = splitCsvLine(text, ',', start);
  if (!fields || fields.length <= URL_FIELD) return sink.unreadable();
  if (type === 'THREAT' && fields[4] !== 'url') return sink.skip();
  const url = fields[URL_FIELD]!;
  const time = Date.parse(fields[1]!.replace(/\//g, '-').replace(' ', 'T') + 'Z');
  return url === '' ? sink.noHost() : sink.value(url, Number.isNaN(time) ? undefined : time);
}

export const paloAlto: LogFormat = {
  id: 'paloalto',
  label: 'a Palo Alto Networks PAN-OS log (syslog, or CSV without a header)',
  noHostsBecause:
    'Palo Alto TRAFFIC logs record addresses, ports and applications, not hostnames: export the URL Filtering log (Monitor → Logs → URL Filtering) instead',
  create(sample) {
    const at = firstDataLine(sample);
    return at >= 0 && sample.slice(at, at + 50).some((line) => PAN_RECORD.test(line))
      ? { line: panLine }
      : undefined;
  },
};
