import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { builtInCatalog } from '../../../shared/catalog/catalog.ts';
import { compileMatcher } from '../../../shared/detection/matcher.ts';
import { withLikelyAi } from '../../../shared/detection/with-likely-ai.ts';
import { readNetworkLog } from '../../../shared/documents/registry/network-log.ts';
import { button, cleanup, click, render } from '../test-support/render.tsx';
import { logAccumulator, type LogScanResult } from './log-accumulator.ts';
import type { LogImportRunner } from './log-import-runner.ts';
import { ImportView } from './ImportView.tsx';
import { cardLabelProblems } from '../ui/table-cards.test-support.ts';

afterEach(cleanup);

/** What the worker does with a small log: the catalog, then the likely-AI tier behind it. */
function scanned(lines: string[]): LogScanResult {
  const accumulator = logAccumulator(withLikelyAi(compileMatcher(builtInCatalog())));
  accumulator.push(lines.join('\n') + '\n');
  return accumulator.finish();
}

describe('the network-log import and likely-AI hosts', () => {
  const result = scanned([
    'chatgpt.com',
    'cdn.photo-ai.ai',
    'photo-ai.ai',
    'www.bbc.co.uk',
    'dubai.com',
  ]);

  it('keeps a likely host apart, keyed by its domain, with its best score and reasons', () => {
    expect(result.tools.map((t) => [t.toolKey, t.lines, t.likely?.score])).toEqual([
      ['host:photo-ai.ai', 2, 0.88],
      ['openai-chatgpt', 1, undefined],
    ]);
  });

  it('shows them under "Possibly AI — not in the catalog", and the inbox gets both', async () => {
    const registry = new Y.Doc();
    const runner: LogImportRunner = () => ({ result: Promise.resolve(result), cancel() {} });
    const view = await render(
      <ImportView registry={registry} canImport me="lead-1" runner={runner} />,
    );
    const input = view.querySelector<HTMLInputElement>('input[type="file"]')!;
    await act(async () => {
      Object.defineProperty(input, 'files', { value: [new File(['x'], 'proxy.log')] });
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    expect(view.querySelector('.scan-summary')?.textContent).toMatch(
      /1 AI tool and 1 possibly AI host found/,
    );
    const likely = view.querySelector('.likely-hosts');
    expect(likely?.querySelector('h3')?.textContent).toBe('Possibly AI — not in the catalog');
    expect(likely?.querySelector('[data-likely-host="photo-ai.ai"]')?.textContent).toContain(
      'an .ai domain',
    );
    expect(likely?.textContent).not.toContain('ChatGPT');
    // On a phone each row is a card that names every value's column.
    for (const table of view.querySelectorAll('table'))
      expect(cardLabelProblems(table)).toEqual([]);
    await click(button(view, 'Add 2 tools to the inbox'));
    expect([...readNetworkLog(registry).tools.keys()]).toEqual([
      'host:photo-ai.ai',
      'openai-chatgpt',
    ]);
  });
});
