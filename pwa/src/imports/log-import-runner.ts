import type { ToolEntry } from '../../../shared/catalog/schema.ts';
import type { LogScanResult } from './log-accumulator.ts';
import type { StreamProgress } from './scan-log-stream.ts';

/** What the page asks the worker: scan this file with the catalog plus these workspace tools. */
export interface ScanRequest {
  file: Blob;
  workspaceTools: readonly ToolEntry[];
  /** A format id (shared/detection/logs), or `auto` to detect it from the content. */
  inputFormat?: string;
}

/** What the worker answers, as often as it has something to say. */
export type ScanReply =
  | { kind: 'progress'; progress: StreamProgress }
  | { kind: 'done'; result: LogScanResult }
  | { kind: 'failed'; message: string };

/** One running scan: its result, and a way to stop it. */
export interface LogImportJob {
  /** Rejects with ImportCancelled after cancel(), or with the scan's error. */
  result: Promise<LogScanResult>;
  cancel(): void;
}

/** Starts a scan; the page holds only this, so tests give it a fake. */
export type LogImportRunner = (
  request: ScanRequest,
  onProgress: (progress: StreamProgress) => void,
) => LogImportJob;

export class ImportCancelled extends Error {
  override name = 'ImportCancelled';
  constructor() {
    super('the import was cancelled');
  }
}

/** The part of a Worker this runner uses (a real one, or a fake in tests). */
export interface WorkerLike {
  postMessage(message: ScanRequest): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<ScanReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

const createScanWorker = (): WorkerLike =>
  new Worker(new URL('./log-import.worker.ts', import.meta.url), { type: 'module' });

/**
 * Runs each scan in a fresh worker, so that matching millions of lines never blocks the page;
 * cancelling terminates the worker at once, mid-chunk.
 */
export function workerImportRunner(createWorker: () => WorkerLike = createScanWorker) {
  const run: LogImportRunner = (request, onProgress) => {
    const worker = createWorker();
    let settle: { resolve(r: LogScanResult): void; reject(e: Error): void } | undefined;
    const result = new Promise<LogScanResult>((resolve, reject) => (settle = { resolve, reject }));
    const finish = (outcome: LogScanResult | Error) => {
      if (!settle) return;
      const { resolve, reject } = settle;
      settle = undefined;
      worker.terminate();
      if (outcome instanceof Error) reject(outcome);
      else resolve(outcome);
    };
    worker.onmessage = ({ data }) => {
      if (!settle) return;
      if (data.kind === 'progress') onProgress(data.progress);
      else if (data.kind === 'done') finish(data.result);
      else finish(new Error(data.message));
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      finish(new Error(event.message || 'the scan stopped unexpectedly'));
    };
    worker.postMessage(request);
    return { result, cancel: () => finish(new ImportCancelled()) };
  };
  return run;
}
