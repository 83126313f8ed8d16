import type { Matcher } from '../../../shared/detection/matcher.ts';
import { logLineReader } from '../../../shared/detection/log-lines.ts';
import { normaliseHost } from '../../../shared/detection/normalise-host.ts';
import {
  MAX_LOG_HOSTS,
  type NetworkLogFinding,
} from '../../../shared/documents/registry/network-log.ts';

/** Where a scan has got to, for the progress bar. */
export interface LogScanProgress {
  linesRead: number;
  matchedLines: number;
  toolsFound: number;
}

/** What a whole log gave: only the matches, per tool, and counts of the rest. */
export interface LogScanResult extends LogScanProgress {
  /** Lines that were neither a host, a URL nor a readable CSV row. */
  unreadable: number;
  /** Most matched lines first. */
  tools: LogFinding[];
}

/**
 * A finding as the import shows it: a likely-AI host (not in the catalog, its name says AI) carries
 * its score and reasons, so that the import lists it apart; the registry keeps only the finding.
 */
export interface LogFinding extends NetworkLogFinding {
  likely?: { score: number; reasons: readonly string[] };
}

/** Longer lines are not log lines (URLs stay far below this). */
export const MAX_LINE = 64 * 1024;

interface ToolTally {
  name: string;
  category: NetworkLogFinding['category'];
  hosts: Set<string>;
  lines: number;
  firstSeen?: number;
  lastSeen?: number;
  likely?: LogFinding['likely'];
}

/**
 * Reads a log a chunk of text at a time (chunks may split lines anywhere) and keeps only what
 * matched: per tool, its hostnames (never a path or query), the matching lines and the time range
 * when the log has a time column. Memory stays bounded whatever the log's size.
 */
export function logAccumulator(matcher: Matcher) {
  const read = logLineReader();
  const tools = new Map<string, ToolTally>();
  let rest = '';
  /** Inside a line too long to be a log line: the rest of it is dropped. */
  let skipping = false;
  let linesRead = 0;
  let matchedLines = 0;
  let unreadable = 0;

  function line(text: string) {
    linesRead++;
    const entry = read(text.endsWith('\r') ? text.slice(0, -1) : text);
    if (entry === undefined) return;
    if ('unreadable' in entry) {
      unreadable++;
      return;
    }
    const normalised = normaliseHost(entry.value);
    if (normalised.kind === 'invalid') {
      unreadable++;
      return;
    }
    if (normalised.kind !== 'host') return;
    const match = matcher.matchHostname(normalised.host);
    if (!match) return;
    matchedLines++;
    let tool = tools.get(match.toolId);
    if (!tool) {
      tool = { name: match.toolName, category: match.category, hosts: new Set(), lines: 0 };
      tools.set(match.toolId, tool);
    }
    tool.lines++;
    if (match.likely && (tool.likely === undefined || match.likely.score > tool.likely.score))
      tool.likely = match.likely;
    // A hostile log could invent millions of subdomains: a tool keeps its first few.
    if (tool.hosts.size < MAX_LOG_HOSTS) tool.hosts.add(match.host);
    if (entry.time !== undefined) {
      if (tool.firstSeen === undefined || entry.time < tool.firstSeen) tool.firstSeen = entry.time;
      if (tool.lastSeen === undefined || entry.time > tool.lastSeen) tool.lastSeen = entry.time;
    }
  }

  return {
    /** Feeds the next piece of text; throws LogFormatError when the file is not a log. */
    push(chunk: string): void {
      const text = rest + chunk;
      let start = 0;
      for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
        if (skipping) skipping = false;
        else line(text.slice(start, end));
        start = end + 1;
      }
      rest = skipping ? '' : text.slice(start);
      // A "line" of megabytes is not a log line: count it once, keep no more of it in memory.
      if (rest.length > MAX_LINE) {
        linesRead++;
        unreadable++;
        rest = '';
        skipping = true;
      }
    },
    progress(): LogScanProgress {
      return { linesRead, matchedLines, toolsFound: tools.size };
    },
    /** The last line (when the file does not end with a line break), then the result. */
    finish(): LogScanResult {
      if (rest !== '' && !skipping) line(rest);
      rest = '';
      const found = [...tools].map(([toolKey, t]): LogFinding => {
        const finding: LogFinding = {
          toolKey,
          name: t.name,
          category: t.category,
          hosts: [...t.hosts].sort(),
          lines: t.lines,
        };
        if (t.firstSeen !== undefined && t.lastSeen !== undefined) {
          finding.firstSeen = t.firstSeen;
          finding.lastSeen = t.lastSeen;
        }
        if (t.likely) finding.likely = t.likely;
        return finding;
      });
      found.sort((a, b) => b.lines - a.lines || (a.toolKey < b.toolKey ? -1 : 1));
      return { linesRead, matchedLines, toolsFound: tools.size, unreadable, tools: found };
    },
  };
}
