import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import {
  logReader,
  type LogCounts,
  type LogReadSummary,
} from '../../shared/detection/logs/log-reader.ts';
import type { Match, Matcher } from '../../shared/detection/matcher.ts';
import { openLog } from './open-log.ts';

export interface ScanMatch extends Match {
  input: string;
  line: number;
}

export interface ScanSummary extends LogReadSummary {
  matched: number;
  /** Matches per tool id, for the summary and the table. */
  tools: Map<string, { toolName: string; category: string; matches: number; hosts: Set<string> }>;
}

export interface ScanOptions {
  /** A format id from LOG_FORMATS, or `auto` (the default) to detect it. */
  format?: string;
  onProgress?: (counts: Readonly<LogCounts>, matched: number) => void;
}

/**
 * Matches every host a log names against the catalog, calling `onMatch` for each match as it
 * streams (gzip is read transparently). Memory stays flat: a piece of the file at a time, and
 * only that piece's matches wait for the output to drain.
 */
export async function scanLog(
  input: Readable,
  matcher: Matcher,
  onMatch: (match: ScanMatch) => void | Promise<void>,
  { format, onProgress }: ScanOptions = {},
): Promise<ScanSummary> {
  const tools: ScanSummary['tools'] = new Map();
  let matched = 0;
  let waiting: ScanMatch[] = [];
  const reader = logReader({
    format,
    onHost(host, value, line) {
      const match = matcher.matchHostname(host);
      if (!match) return;
      matched++;
      let tool = tools.get(match.toolId);
      if (!tool) {
        tool = { toolName: match.toolName, category: match.category, matches: 0, hosts: new Set() };
        tools.set(match.toolId, tool);
      }
      tool.matches++;
      // Bounded: a tool's distinct hosts are few, but a hostile log could invent millions.
      if (tool.hosts.size < 50) tool.hosts.add(match.host);
      waiting.push({ ...match, input: value, line });
    },
  });
  const drain = async () => {
    const ready = waiting;
    waiting = [];
    for (const match of ready) {
      // A promise means the output is full: wait for it to drain, so memory stays constant.
      const pending = onMatch(match);
      if (pending) await pending;
    }
  };
  let decoder: StringDecoder | undefined;
  for await (const chunk of await openLog(input)) {
    // Windows tools often write UTF-16 (PowerShell's Out-File): its byte-order mark says so.
    decoder ??= new StringDecoder(chunk[0] === 0xff && chunk[1] === 0xfe ? 'utf16le' : 'utf8');
    reader.push(decoder.write(chunk));
    if (waiting.length > 0) await drain();
    onProgress?.(reader.counts(), matched);
  }
  if (decoder) reader.push(decoder.end());
  const summary = reader.finish();
  await drain();
  return { ...summary, matched, tools };
}
