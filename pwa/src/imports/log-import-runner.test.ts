import { describe, expect, it } from 'vitest';
import type { LogScanResult } from './log-accumulator.ts';
import {
  ImportCancelled,
  workerImportRunner,
  type ScanReply,
  type ScanRequest,
  type WorkerLike,
} from './log-import-runner.ts';

const RESULT: LogScanResult = {
  linesRead: 3,
  matchedLines: 1,
  toolsFound: 1,
  format: { id: 'hosts', label: 'hostnames or URLs, one per line', forced: false },
  records: 3,
  unreadable: 0,
  unit: 'lines',
  verdict: 'ok',
  tools: [],
};

/** A worker that records what it was sent and answers when told to. */
function fakeWorker() {
  const worker = {
    sent: [] as ScanRequest[],
    terminated: false,
    onmessage: null as WorkerLike['onmessage'],
    onerror: null as WorkerLike['onerror'],
    postMessage(message: ScanRequest) {
      worker.sent.push(message);
    },
    terminate() {
      worker.terminated = true;
    },
    reply(data: ScanReply) {
      worker.onmessage?.({ data } as MessageEvent<ScanReply>);
    },
  };
  return worker;
}

const request: ScanRequest = { file: new Blob(['claude.ai\n']), workspaceTools: [] };
const progress = { linesRead: 1, matchedLines: 1, toolsFound: 1, bytesRead: 5, totalBytes: 10 };

describe('the worker runner', () => {
  it('sends the file, passes progress on, resolves with the result and ends the worker', async () => {
    const worker = fakeWorker();
    const seen: unknown[] = [];
    const job = workerImportRunner(() => worker)(request, (p) => seen.push(p));
    expect(worker.sent).toEqual([request]);
    worker.reply({ kind: 'progress', progress });
    worker.reply({ kind: 'done', result: RESULT });
    await expect(job.result).resolves.toEqual(RESULT);
    expect(seen).toEqual([progress]);
    expect(worker.terminated).toBe(true);
  });

  it('cancels at once: the worker is terminated and later messages are ignored', async () => {
    const worker = fakeWorker();
    const seen: unknown[] = [];
    const job = workerImportRunner(() => worker)(request, (p) => seen.push(p));
    job.cancel();
    worker.reply({ kind: 'progress', progress });
    await expect(job.result).rejects.toBeInstanceOf(ImportCancelled);
    expect(worker.terminated).toBe(true);
    expect(seen).toEqual([]);
  });

  it('rejects with the scan’s error, or when the worker itself fails', async () => {
    const failing = fakeWorker();
    const job = workerImportRunner(() => failing)(request, () => {});
    failing.reply({ kind: 'failed', message: 'not a text log' });
    await expect(job.result).rejects.toThrow('not a text log');
    const crashing = fakeWorker();
    const crashed = workerImportRunner(() => crashing)(request, () => {});
    crashing.onerror?.({ message: 'boom', preventDefault() {} } as ErrorEvent);
    await expect(crashed.result).rejects.toThrow('boom');
    expect(crashing.terminated).toBe(true);
  });
});
