import type { Readable } from 'node:stream';
import type { Match, Matcher } from '../../shared/detection/matcher.ts';
import { normaliseHost } from '../../shared/detection/normalise-host.ts';
import { readLogEntries } from './log-lines.ts';

export interface ScanMatch extends Match {
  input: string;
  line: number;
}

export interface ScanSummary {
  linesRead: number;
  matched: number;
  unreadable: number;
  /** Matches per tool id, for the summary and the table. */
  tools: Map<string, { toolName: string; category: string; matches: number; hosts: Set<string> }>;
}

/** Matches every entry of a log against the catalog, calling `onMatch` for each match as it streams. */
export async function scanLog(
  input: Readable,
  matcher: Matcher,
  onMatch: (match: ScanMatch) => void | Promise<void>,
  onProgress?: (summary: ScanSummary) => void,
): Promise<ScanSummary> {
  const summary: ScanSummary = { linesRead: 0, matched: 0, unreadable: 0, tools: new Map() };
  for await (const entry of readLogEntries(input)) {
    summary.linesRead = entry.line;
    if (onProgress && (entry.line & 0xffff) === 0) onProgress(summary);
    if ('unreadable' in entry) {
      summary.unreadable++;
      continue;
    }
    const normalised = normaliseHost(entry.value);
    if (normalised.kind === 'invalid') {
      summary.unreadable++;
      continue;
    }
    if (normalised.kind !== 'host') continue;
    const match = matcher.matchHostname(normalised.host);
    if (!match) continue;
    summary.matched++;
    let tool = summary.tools.get(match.toolId);
    if (!tool) {
      tool = { toolName: match.toolName, category: match.category, matches: 0, hosts: new Set() };
      summary.tools.set(match.toolId, tool);
    }
    tool.matches++;
    // Bounded: a tool's distinct hosts are few, but a hostile log could invent millions.
    if (tool.hosts.size < 50) tool.hosts.add(match.host);
    // A promise means the output is full: wait for it to drain, so memory stays constant.
    const pending = onMatch({ ...match, input: entry.value, line: entry.line });
    if (pending) await pending;
  }
  return summary;
}
