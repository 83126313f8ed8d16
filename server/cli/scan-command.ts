import Table from 'cli-table3';
import { once } from 'node:events';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { Readable, Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { builtInCatalog } from '../../shared/catalog/catalog.ts';
import {
  INPUT_FORMATS,
  LogFormatError,
  verdictMessage,
} from '../../shared/detection/logs/log-reader.ts';
import { compileMatcher } from '../../shared/detection/matcher.ts';
import { cachedMatcher } from '../../shared/detection/logs/cached-matcher.ts';
import { withLikelyAi } from '../../shared/detection/with-likely-ai.ts';
import { HOST_TOOL_KEY_PREFIX } from '../../shared/documents/schema/values.ts';
import { scanLog, type ScanMatch, type ScanSummary } from '../scan/scan-log.ts';
import type { CliIo } from './run-cli.ts';
import { UsageError } from './usage-error.ts';

const FORMATS = ['jsonl', 'csv', 'table'] as const;
type Format = (typeof FORMATS)[number];
const CSV_COLUMNS = [
  'line',
  'input',
  'host',
  'toolId',
  'toolName',
  'category',
  'matchedBy',
  'matchedHost',
  'match',
  'score',
  'reasons',
] as const;

export interface ScanIo extends CliIo {
  stdin: Readable;
  /** Whether stderr is a terminal: only then is a progress line drawn. */
  stderrIsTty: boolean;
  writeErr(text: string): void;
  /** When given, matches are written here with backpressure instead of through `out`. */
  stdout?: Writable;
}

const CHOOSE_FORMAT = `Choose its format with --input-format NAME, one of: ${INPUT_FORMATS.slice(1).join(', ')} (the default, auto, detects it).`;

/**
 * `sightline scan <file|-> [--format jsonl|csv|table] [--input-format auto|NAME]
 * [--catalog-only]`: matches a network log against the catalog and, unless --catalog-only,
 * lists hosts whose name says AI apart (`"match": "likely"`, docs/catalog.md). Exits 1, saying
 * why, when the log could not be read well enough for "nothing found" to mean anything.
 */
export async function scanCommand(args: string[], io: ScanIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      format: { type: 'string', default: 'jsonl' },
      'input-format': { type: 'string', default: 'auto' },
      'catalog-only': { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  const format = values.format as Format;
  if (!FORMATS.includes(format))
    throw new UsageError(
      `--format must be one of ${FORMATS.join(', ')}, not ${JSON.stringify(values.format)}`,
    );
  const inputFormat = values['input-format'];
  if (!(INPUT_FORMATS as readonly string[]).includes(inputFormat))
    throw new UsageError(
      `--input-format must be one of ${INPUT_FORMATS.join(', ')}, not ${JSON.stringify(inputFormat)}`,
    );
  if (positionals.length !== 1)
    throw new UsageError('scan needs exactly one log file, or - for standard input');
  const source = positionals[0]!;

  let input: Readable;
  if (source === '-') input = io.stdin;
  else {
    try {
      const info = await stat(source);
      if (!info.isFile()) throw new Error('not a file');
    } catch (error) {
      io.err(
        `sightline scan: cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
      return 1;
    }
    input = createReadStream(source);
  }

  const catalog = compileMatcher(builtInCatalog());
  // The likely-AI tier scores every unknown name: asked once per host (cachedMatcher).
  const matcher = values['catalog-only'] ? catalog : cachedMatcher(withLikelyAi(catalog));
  const stdout = io.stdout;
  const emit = stdout
    ? (line: string) =>
        stdout.write(line + '\n') ? undefined : once(stdout, 'drain').then(() => undefined)
    : (line: string) => io.out(line);
  if (format === 'csv') await emit(CSV_COLUMNS.join(','));
  const write =
    format === 'jsonl'
      ? (m: ScanMatch) => emit(JSON.stringify(jsonRecord(m)))
      : format === 'csv'
        ? (m: ScanMatch) => emit(csvRecord(m))
        : () => undefined;

  let lastProgress = 0;
  const progress = io.stderrIsTty
    ? (counts: { lines: number }, matched: number) => {
        const now = Date.now();
        if (now - lastProgress < 1000) return;
        lastProgress = now;
        io.writeErr(
          `\r${counts.lines.toLocaleString('en')} lines read, ${matched.toLocaleString('en')} matched`,
        );
      }
    : undefined;

  let summary: ScanSummary;
  try {
    summary = await scanLog(input, matcher, write, { format: inputFormat, onProgress: progress });
  } catch (error) {
    if (progress) io.writeErr('\n');
    if (error instanceof LogFormatError || (error as NodeJS.ErrnoException).code) {
      io.err(
        `sightline scan: ${source === '-' ? 'standard input' : source}: ${(error as Error).message}`,
      );
      return 1;
    }
    throw error;
  }
  if (progress && lastProgress > 0) io.writeErr('\n');
  const problem = verdictMessage(summary);
  if (format === 'table' && !problem) io.out(table(summary));
  io.err(summaryLine(summary));
  if (problem) {
    io.err(`sightline scan: ${source === '-' ? 'standard input' : source}: ${problem}`);
    io.err(CHOOSE_FORMAT);
    return 1;
  }
  return 0;
}

/** `scanned 1,234 lines (input format squid: a Squid native access log): 3 matched, 2 tools found, 0 lines could not be read` */
function summaryLine({ counts, unit, format, matched, tools }: ScanSummary): string {
  const n = (value: number) => value.toLocaleString('en');
  const likely = [...tools.keys()].filter(isLikelyKey).length;
  return (
    `scanned ${n(counts.lines)} ${unit} (input format ${format.id}: ${format.label}): ${n(matched)} matched, ${n(tools.size - likely)} tools found, ` +
    (likely > 0 ? `${n(likely)} possibly AI (not in the catalog), ` : '') +
    `${n(counts.unreadable)} ${counts.unreadable === 1 ? unit.slice(0, -1) : unit} could not be read`
  );
}

/** One match as the scan prints it (JSON lines and CSV both come from here). */
export function jsonRecord(m: ScanMatch) {
  return {
    input: m.input,
    host: m.host,
    toolId: m.toolId,
    toolName: m.toolName,
    category: m.category,
    matchedBy: m.matchedBy,
    matchedHost: m.matchedHost,
    line: m.line,
    match: m.likely ? ('likely' as const) : ('catalog' as const),
    ...(m.likely ? { score: m.likely.score, reasons: m.likely.reasons } : {}),
  };
}

/** A likely-AI host is keyed by its domain under the prefix for hosts the catalog does not know. */
const isLikelyKey = (toolKey: string) => toolKey.startsWith(HOST_TOOL_KEY_PREFIX);

/** RFC 4180 quoting, and a leading quote for values a spreadsheet would run as a formula. */
export function csvField(value: string | number): string {
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

function csvRecord(m: ScanMatch): string {
  const record = jsonRecord(m);
  return CSV_COLUMNS.map((column) => {
    const value = record[column];
    return csvField(typeof value === 'object' ? value.join('; ') : (value ?? ''));
  }).join(',');
}

function table(summary: ScanSummary): string {
  const rows = [...summary.tools.entries()].sort(
    (a, b) => b[1].matches - a[1].matches || a[0].localeCompare(b[0]),
  );
  const catalogued = rows.filter(([key]) => !isLikelyKey(key));
  const likely = rows.filter(([key]) => isLikelyKey(key));
  const found =
    catalogued.length > 0
      ? toolTable(catalogued, 'tool')
      : `No ${likely.length > 0 ? 'catalogued ' : ''}AI tools found.`;
  return likely.length > 0
    ? `${found}\nPossibly AI — not in the catalog (the name says AI; check before you act):\n${toolTable(likely, 'domain')}`
    : found;
}

type ToolRow = [string, ScanSummary['tools'] extends Map<string, infer T> ? T : never];

function toolTable(rows: ToolRow[], first: string) {
  const out = new Table({
    head: [first, 'category', 'matches', 'hosts'],
    style: { head: [], border: [] },
  });
  for (const [, tool] of rows) {
    const hosts = [...tool.hosts];
    out.push([
      tool.toolName,
      tool.category,
      tool.matches,
      hosts.slice(0, 3).join(' ') + (hosts.length > 3 ? ` +${hosts.length - 3}` : ''),
    ]);
  }
  return out.toString();
}
