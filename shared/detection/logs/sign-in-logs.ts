import { firstDataLine } from './csv-export.ts';
import { jsonLog } from './json-logs.ts';
import type { LogFormat, LogParser, RecordSink } from './log-format.ts';

const ENTRA_JSON =
  /"(appDisplayName|AppDisplayName)"\s*:|"category"\s*:\s*"(SignInLogs|NonInteractiveUserSignInLogs)"/;
const ENTRA_CSV = /Request ID.*Application.*IP address/i;

/** A sink that counts every record as naming no host, whatever field it has. */
function noHosts(sink: RecordSink): RecordSink {
  return {
    value: () => sink.noHost(),
    noHost: () => sink.noHost(),
    unreadable: () => sink.unreadable(),
    skip: () => sink.skip(),
  };
}

/** Reads a JSON sign-in log record by record (arrays included), each one naming no host. */
function jsonSignIns(inner: LogParser): LogParser {
  let last: RecordSink | undefined;
  let wrapped: RecordSink | undefined;
  const wrap = (sink: RecordSink) =>
    sink === last ? wrapped! : (wrapped = noHosts((last = sink)));
  const text = inner.text;
  return {
    line: (line, sink) => inner.line(line, wrap(sink)),
    ...(text && {
      text: { piece: (t, sink) => text.piece(t, wrap(sink)), end: (sink) => text.end(wrap(sink)) },
    }),
  };
}

/**
 * Microsoft Entra ID sign-in logs (JSON from Graph or diagnostic settings, or the portal's CSV):
 * each record says which application someone signed in to, from which IP address — never a
 * hostname. Read so that the scan can say exactly that.
 */
export const entraSignIns: LogFormat = {
  id: 'entra-signins',
  label: 'a Microsoft Entra ID sign-in log',
  noHostsBecause:
    'Microsoft Entra sign-in logs record which application someone signed in to and from which IP address, not the hostnames people connected to: scan a proxy, DNS or firewall URL log instead',
  create(sample) {
    const at = firstDataLine(sample);
    if (at < 0) return undefined;
    if (sample.some((line) => ENTRA_JSON.test(line))) {
      const inner = jsonLog.create(sample);
      return inner && jsonSignIns(inner);
    }
    if (!ENTRA_CSV.test(sample[at]!)) return undefined;
    let header = true;
    return {
      line(text, sink) {
        if (header || text.trim() === '') {
          header = false;
          return sink.skip();
        }
        return sink.noHost();
      },
    };
  },
};
