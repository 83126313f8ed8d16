import type { LogLimiter } from './log-limiter.ts';

/**
 * The lines Hocuspocus (4.7) writes with console.warn when it closes a connection for a limit of
 * its own (`ClientConnection.handleMessage`): one line per connection, naming the stranger's
 * document, with no setting to quiet it. Under load — many sockets each over a limit — they
 * would flood the log (H15). The fixed phrase is what is kept; the socket id and the document
 * name (a stranger's text) are not.
 */
const HOCUSPOCUS_LIMITS: readonly [RegExp, string][] = [
  [
    /^Hocuspocus: closing connection \S+: too many pending unauthenticated documents/,
    'too many documents pending authentication',
  ],
  [
    /^Hocuspocus: closing connection \S+: unauthenticated message queue (?:size|length) limit exceeded/,
    'too much sent before authenticating',
  ],
];

/** Who a Hocuspocus line is logged under: it names no address, so all count as one offender. */
const OFFENDER = 'connections Hocuspocus closed';

const limiters = new Set<LogLimiter>();
let original: typeof console.warn | undefined;

/** The phrase for one of Hocuspocus's limit lines, or undefined for any other line. */
export function hocuspocusLimit(line: unknown): string | undefined {
  if (typeof line !== 'string') return undefined;
  return HOCUSPOCUS_LIMITS.find(([pattern]) => pattern.test(line))?.[1];
}

/**
 * Sends Hocuspocus's limit lines through `log` (at most one line a minute and then a count, H15)
 * while a relay runs; every other console.warn line is written as before. Returns the undo.
 * Several relays in one process (tests) share the one wrapper; the last to stop removes it.
 */
export function throttleHocuspocusWarnings(log: LogLimiter): () => void {
  limiters.add(log);
  if (!original) {
    const warn = console.warn;
    original = warn;
    console.warn = (...args: unknown[]) => {
      const what = hocuspocusLimit(args[0]);
      const limiter = what && limiters.values().next().value;
      if (what && limiter) limiter.refused(OFFENDER, what);
      else warn.apply(console, args);
    };
  }
  return () => {
    limiters.delete(log);
    if (limiters.size === 0 && original) {
      console.warn = original;
      original = undefined;
    }
  };
}
