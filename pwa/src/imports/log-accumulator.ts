import {
  logReader,
  verdictMessage,
  type LogVerdict,
} from '../../../shared/detection/logs/log-reader.ts';
import type { Matcher } from '../../../shared/detection/matcher.ts';
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
  /** The format it was read as: detected, or the one chosen. */
  format: { id: string; label: string; forced: boolean };
  /** Records whose structure could not be read. */
  unreadable: number;
  /** Records read (lines, or JSON objects), of which `unreadable` could not be. */
  records: number;
  unit: 'lines' | 'records';
  verdict: LogVerdict['kind'];
  /**
   * Why the result cannot be trusted (mostly unreadable, no hostnames by design, empty), in
   * the words the command line uses too; absent when it can.
   */
  problem?: string;
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
 * Reads a log a chunk of text at a time (chunks may split lines anywhere) through the shared
 * reader (shared/detection/logs, which `sightline scan` uses too) and keeps only what matched:
 * per tool, its hostnames (never a path or query), the matching lines and the time range when
 * the log has times. Memory stays bounded whatever the log's size.
 */
export function logAccumulator(matcher: Matcher, inputFormat = 'auto') {
  const tools = new Map<string, ToolTally>();
  let matchedLines = 0;
  const reader = logReader({
    format: inputFormat,
    onHost(host, _value, _line, time) {
      const match = matcher.matchHostname(host);
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
      if (time !== undefined) {
        if (tool.firstSeen === undefined || time < tool.firstSeen) tool.firstSeen = time;
        if (tool.lastSeen === undefined || time > tool.lastSeen) tool.lastSeen = time;
      }
    },
  });

  return {
    /** Feeds the next piece of text; throws LogFormatError when the file is not text. */
    push(chunk: string): void {
      reader.push(chunk);
    },
    progress(): LogScanProgress {
      return { linesRead: reader.counts().lines, matchedLines, toolsFound: tools.size };
    },
    /** The last line (when the file does not end with a line break), then the result. */
    finish(): LogScanResult {
      const summary = reader.finish();
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
      const problem = verdictMessage(summary);
      const { counts, format } = summary;
      return {
        linesRead: counts.lines,
        matchedLines,
        toolsFound: tools.size,
        format: { id: format.id, label: format.label, forced: summary.forced },
        records: counts.records,
        unreadable: counts.unreadable,
        unit: summary.unit,
        verdict: summary.verdict.kind,
        ...(problem !== undefined && { problem }),
        tools: found,
      };
    },
  };
}
