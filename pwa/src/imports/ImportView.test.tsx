import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setWorkspaceTool } from '../../../shared/documents/policy/index.ts';
import { readNetworkLog } from '../../../shared/documents/registry/network-log.ts';
import { button, cleanup, click, render, settle } from '../test-support/render.tsx';
import type { LogScanResult } from './log-accumulator.ts';
import { ImportCancelled, type LogImportRunner, type ScanRequest } from './log-import-runner.ts';
import { ImportView } from './ImportView.tsx';
import { cardLabelProblems } from '../ui/table-cards.test-support.ts';
import type { StreamProgress } from './scan-log-stream.ts';

afterEach(cleanup);

const AT = Date.UTC(2026, 2, 10, 12);
const HOSTILE = '<img src=x onerror="globalThis.pwned=1">';

const RESULT: LogScanResult = {
  linesRead: 1_200_000,
  matchedLines: 5_000,
  toolsFound: 2,
  format: { id: 'squid', label: 'a Squid native access log', forced: false },
  records: 1_200_000,
  unreadable: 12,
  unit: 'lines',
  verdict: 'ok',
  tools: [
    {
      toolKey: 'openai-chatgpt',
      name: 'ChatGPT',
      category: 'chat-assistant',
      hosts: ['chat.openai.com', 'chatgpt.com'],
      lines: 4_990,
      firstSeen: Date.UTC(2026, 0, 3),
      lastSeen: Date.UTC(2026, 0, 5),
    },
    {
      toolKey: 'acme-assistant',
      name: HOSTILE,
      category: 'other',
      hosts: ['ai.acme.example'],
      lines: 10,
    },
  ],
};

/** A runner the test drives by hand: progress, then a result, an error, or a cancel. */
function fakeRunner() {
  const fake = {
    requests: [] as ScanRequest[],
    cancelled: 0,
    progress: (_p: StreamProgress) => {},
    finish: (_r: LogScanResult) => {},
    fail: (_e: Error) => {},
    runner: ((request, onProgress) => {
      fake.requests.push(request);
      fake.progress = onProgress;
      let reject: (e: Error) => void = () => {};
      const result = new Promise<LogScanResult>((res, rej) => {
        fake.finish = res;
        fake.fail = reject = rej;
      });
      return {
        result,
        cancel: () => {
          fake.cancelled++;
          reject(new ImportCancelled());
        },
      };
    }) as LogImportRunner,
  };
  return fake;
}

async function view(options: { canImport?: boolean } = {}) {
  const registry = new Y.Doc();
  const policy = new Y.Doc();
  setWorkspaceTool(policy, {
    id: 'acme-assistant',
    name: 'Acme Assistant',
    vendor: 'Acme',
    category: 'other',
    hosts: ['ai.acme.example'],
  });
  const fake = fakeRunner();
  const container = await render(
    <ImportView
      registry={registry}
      policy={policy}
      canImport={options.canImport ?? true}
      me="lead-1"
      now={() => AT}
      runner={fake.runner}
    />,
  );
  return { container, registry, fake };
}

async function chooseFile(container: HTMLElement, file: File) {
  const input = container.querySelector('input[type="file"]') as HTMLInputElement;
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => input.dispatchEvent(new Event('change', { bubbles: true })));
  await settle();
}

const aFile = () => new File(['chatgpt.com\n'], 'proxy.csv', { type: 'text/csv' });
const progressbar = (c: HTMLElement) => c.querySelector('[role="progressbar"]');

describe('the network-log import', () => {
  it('scans a chosen file with the workspace tools, shows progress, then the tools found', async () => {
    const { container, fake } = await view();
    await chooseFile(container, aFile());
    expect(fake.requests).toHaveLength(1);
    expect((fake.requests[0]!.file as File).name).toBe('proxy.csv');
    expect(fake.requests[0]!.workspaceTools.map((t) => t.id)).toEqual(['acme-assistant']);
    expect(progressbar(container)?.getAttribute('aria-valuenow')).toBe('0');

    await act(async () =>
      fake.progress({
        linesRead: 600_000,
        matchedLines: 3,
        toolsFound: 1,
        bytesRead: 45,
        totalBytes: 100,
      }),
    );
    expect(progressbar(container)?.getAttribute('aria-valuenow')).toBe('45');
    expect(progressbar(container)?.getAttribute('aria-valuetext')).toContain('600,000 lines read');

    await act(async () => fake.finish(RESULT));
    await settle();
    expect(progressbar(container)).toBeNull();
    expect(container.querySelector('.scan-summary')?.textContent).toBe(
      'Read as a Squid native access log: 2 AI tools found in 1,200,000 lines (5,000 lines matched, 12 lines not understood).',
    );
    const rows = [...container.querySelectorAll('tbody tr')].map((r) =>
      [...r.children].map((c) => c.textContent),
    );
    expect(rows).toEqual([
      [
        'ChatGPT',
        'Chat assistant',
        'chat.openai.com, chatgpt.com',
        '4,990',
        '2026-01-03',
        '2026-01-05',
      ],
      [HOSTILE, 'Other', 'ai.acme.example', '10', '—', '—'],
    ]);
    // On a phone each row is a card that names every value's column.
    expect(cardLabelProblems(container.querySelector('table'))).toEqual([]);
    // Untrusted names are text, never markup.
    expect(container.querySelector('img')).toBeNull();
  });

  it('writes nothing until confirmed, then merges the tools into the registry', async () => {
    const { container, registry, fake } = await view();
    await chooseFile(container, aFile());
    await act(async () => fake.finish(RESULT));
    await settle();
    expect(readNetworkLog(registry).tools.size).toBe(0);
    await click(button(container, 'Add 2 tools to the inbox'));
    const log = readNetworkLog(registry).tools;
    expect([...log.keys()]).toEqual(['acme-assistant', 'openai-chatgpt']);
    expect(log.get('openai-chatgpt')).toMatchObject({
      lines: 4_990,
      importedBy: 'lead-1',
      importedAt: AT,
    });
    expect(container.querySelector('[role="status"]')?.textContent).toContain(
      'Added 2 tools to the inbox',
    );
    expect(container.querySelector('a[href="#/inbox"]')).not.toBeNull();
  });

  it('discards a result without writing', async () => {
    const { container, registry, fake } = await view();
    await chooseFile(container, aFile());
    await act(async () => fake.finish(RESULT));
    await settle();
    await click(button(container, 'Discard'));
    expect(readNetworkLog(registry).tools.size).toBe(0);
    expect(container.querySelector('input[type="file"]')).not.toBeNull();
  });

  it('cancels a running scan', async () => {
    const { container, registry, fake } = await view();
    await chooseFile(container, aFile());
    await click(button(container, 'Cancel'));
    expect(fake.cancelled).toBe(1);
    expect(progressbar(container)).toBeNull();
    expect(container.querySelector('[role="status"]')?.textContent).toBe(
      'Import cancelled: nothing was kept.',
    );
    expect(readNetworkLog(registry).tools.size).toBe(0);
  });

  it('says clearly when the file is not a log', async () => {
    const { container, fake } = await view();
    await chooseFile(container, aFile());
    await act(async () => fake.fail(new Error('not a text log: the file contains binary data')));
    await settle();
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      'Could not read proxy.csv: not a text log: the file contains binary data',
    );
  });

  it('adds nothing from a log it could not read, says why and how to choose its format', async () => {
    const { container, registry, fake } = await view();
    await chooseFile(container, aFile());
    const problem =
      'Sightline read this file as hostnames or URLs, one per line, the format its first lines look most like. 5 of its 5 lines could not be read, so finding nothing in it would not mean that no AI tools were used.';
    await act(async () =>
      fake.finish({ ...RESULT, verdict: 'unreadable', problem, tools: [RESULT.tools[0]!] }),
    );
    await settle();
    expect(container.querySelector('[role="alert"]')?.textContent).toBe(
      `Nothing was added from proxy.csv. ${problem} If it is another kind of log, choose its format under “Log format” and choose the file again.`,
    );
    expect(container.querySelector('tbody')).toBeNull();
    expect(container.textContent).not.toContain('to the inbox');
    expect(readNetworkLog(registry).tools.size).toBe(0);

    // Choosing a format sends it with the next file.
    const select = container.querySelector('select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).toContain('windows-dns');
    select.value = 'squid';
    await act(async () => select.dispatchEvent(new Event('change', { bubbles: true })));
    await chooseFile(container, aFile());
    expect(fake.requests.map((r) => r.inputFormat)).toEqual(['auto', 'squid']);
  });

  it('accepts a dropped file', async () => {
    const { container, fake } = await view();
    const zone = container.querySelector('.drop-zone')!;
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [aFile()] } });
    await act(async () => zone.dispatchEvent(drop));
    expect(fake.requests.map((r) => (r.file as File).name)).toEqual(['proxy.csv']);
  });

  it('offers no import to a role that cannot write the registry', async () => {
    const { container } = await view({ canImport: false });
    expect(container.querySelector('input[type="file"]')).toBeNull();
    expect(container.textContent).toContain('Only admins and leads can import');
  });
});
