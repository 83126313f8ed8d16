import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { builtInCatalog } from '../../../shared/catalog/catalog.ts';
import { setWorkspaceTool } from '../../../shared/documents/policy/index.ts';
import { cleanup, render, settle, type } from '../test-support/render.tsx';
import { day, discoveriesDoc } from '../test-support/workspace-docs.ts';
import { CatalogBrowser } from './CatalogBrowser.tsx';
import { catalogRows, matchesCatalogFilter, NO_FILTER } from './catalog-rows.ts';
import { catalogTools } from './catalog-source.ts';

afterEach(cleanup);

// ChatGPT's entry in shared/catalog/data/chat.json (hosts from OpenAI's own domains, facts read on
// help.openai.com); Perplexity's in search.json.
const discoveries = () =>
  discoveriesDoc({ 'openai-chatgpt': { name: 'ChatGPT', reporters: 12, lastSeen: day(3) } });

async function browser(toolId?: string, policy = new Y.Doc()) {
  const view = await render(
    <CatalogBrowser discoveries={discoveries()} policy={policy} toolId={toolId} />,
  );
  await vi.waitFor(() => expect(view.textContent).not.toContain('Opening the catalog'));
  await settle();
  return view;
}

const listed = (view: HTMLElement) =>
  [...view.querySelectorAll('.catalog-list li')].map((li) => li.getAttribute('data-tool-id'));

describe('the tool catalog', () => {
  it('counts the built-in catalog and what the workspace has seen, and lists the tools virtualised', async () => {
    const view = await browser();
    const total = builtInCatalog().length;
    expect(total).toBeGreaterThan(1500);
    expect(view.textContent).toContain(`${total} tools, 1 seen in this workspace`);
    // A screenful, not thousands.
    expect(listed(view).length).toBeGreaterThan(0);
    expect(listed(view).length).toBeLessThan(100);
  });

  it('answers "is X already detected?" by name or by a hostname under its domain', async () => {
    const view = await browser();
    const search = view.querySelector<HTMLInputElement>('input[type="search"]')!;
    await type(search, 'chat.openai.com');
    expect(listed(view)).toContain('openai-chatgpt');
    const row = view.querySelector('[data-tool-id="openai-chatgpt"]')!;
    expect(row.textContent).toContain('Seen here');
    await type(search, 'perplexity');
    expect(view.querySelector('[data-tool-id="perplexity"]')?.textContent).toContain('Not seen');
  });

  it('shows a tool in full: hosts, category, vendor facts with their source, and detection', async () => {
    const view = await browser('openai-chatgpt');
    const detail = view.querySelector('.catalog-detail')!;
    expect(detail.querySelector('h2')?.textContent).toBe('ChatGPT');
    expect(detail.textContent).toContain('Detected in this workspace: 12 people');
    expect(detail.textContent).toContain('chatgpt.com');
    expect(detail.textContent).toContain('Headquarters');
    expect(detail.querySelector('a[href="https://openai.com/about"]')).not.toBeNull();
    const other = await browser('perplexity');
    expect(other.querySelector('.catalog-detail')?.textContent).toContain(
      'Not detected in this workspace yet.',
    );
  });

  it('includes the workspace’s own tools, which replace a built-in tool of the same id', () => {
    const policy = new Y.Doc();
    const own = setWorkspaceTool(policy, {
      id: 'openai-chatgpt',
      name: 'ChatGPT (ours)',
      hosts: ['chat.example.com'],
    });
    const rows = catalogRows(catalogTools(builtInCatalog(), [own]), []);
    const chatgpt = rows.filter((row) => row.tool.id === 'openai-chatgpt');
    expect(chatgpt).toHaveLength(1);
    expect(chatgpt[0]!.tool).toMatchObject({ name: 'ChatGPT (ours)', source: 'workspace' });
    expect(
      rows.filter((row) => matchesCatalogFilter(row, { ...NO_FILTER, source: 'workspace' })),
    ).toHaveLength(1);
  });
});
