import type { LogFormat } from './log-format.ts';

/** Hostnames or URLs, one per line; `#` comments and blank lines are skipped. */
export const plainList: LogFormat = {
  id: 'hosts',
  label: 'hostnames or URLs, one per line',
  strictValues: true,
  noHostsBecause: 'its lines are IP addresses, not hostnames',
  create: () => ({
    line(text, sink) {
      // trim() only when there is something to trim: this is a hot path.
      const trimmed =
        text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32 ? text.trim() : text;
      if (trimmed === '' || trimmed.startsWith('#')) return sink.skip();
      // A host or URL has no spaces, and no commas, quotes or @ outside a URL: such a line is
      // a record of some other format (an e-mail address is not a visit to its domain).
      if (!trimmed.includes('://') && /[\s,;"'@]/.test(trimmed)) return sink.unreadable();
      sink.value(trimmed);
    },
  }),
};
