import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createRecord, readRegistry } from '../../../shared/documents/registry/index.ts';
import { vendorFactsOf } from '../../../shared/catalog/vendor-facts/vendor-facts.ts';
import { cellWords } from '../../../shared/catalog/vendor-facts/words.ts';
import { cleanup, render } from '../test-support/render.tsx';
import { RecordView } from '../inventory/RecordView.tsx';
import { VendorFacts } from './VendorFacts.tsx';

afterEach(cleanup);

const items = (root: HTMLElement) =>
  [...root.querySelectorAll('.vendor-facts li')].map((li) => li.textContent ?? '');

describe('VendorFacts (docs/catalog.md, "Vendor facts")', () => {
  it('shows each plan’s fact with the vendor’s page and the day read, and "unknown" for the rest', async () => {
    const root = await render(<VendorFacts toolKeys={['openai-chatgpt']} />);
    const lines = items(root);
    expect(lines).toContain('Free: yes vendor’s page, read 2026-12-07');
    expect(lines).toContain('Team / enterprise: no vendor’s page, read 2026-12-07');
    expect(lines).toContain('API: unknown');
    const link = root.querySelector<HTMLAnchorElement>('.vendor-fact-source');
    expect(link?.href).toBe(
      'https://help.openai.com/en/articles/5722486-how-your-data-is-used-to-improve-model-performance',
    );
    expect(link?.title).toMatch(/unless you opt out/);
  });

  it('shows the words the shared accessor gives, cell by cell (one source of truth)', async () => {
    const root = await render(<VendorFacts toolKeys={['openai-api']} />);
    const sheet = vendorFactsOf('openai-api');
    const shown = items(root);
    expect(shown[3]).toMatch(new RegExp(`^API: ${cellWords(sheet.cells.training.api)}`));
    expect(
      shown.some((line) => line.startsWith(`API: ${cellWords(sheet.cells.certifications.api)}`)),
    ).toBe(true);
  });

  it('says unknown for a tool nobody has read, and for a likely-AI host', async () => {
    const root = await render(<VendorFacts toolKeys={['host:photo-ai.example', 'no-such-tool']} />);
    expect(root.textContent).toMatch(/Unknown: nobody has read this vendor’s pages/);
    expect(items(root)).toEqual([]);
  });
});

describe('the record page shows its detected tools’ vendor facts', () => {
  it('reads them through the accessor, and shows the same words as the discovery', async () => {
    const doc = new Y.Doc();
    createRecord(doc, 'rec-1', { name: 'ChatGPT', toolKeys: ['openai-chatgpt'] }, 'lead-0', 1);
    const record = readRegistry(doc).records.get('rec-1')!;
    const page = await render(
      <RecordView record={record} registry={doc} canEdit={false} me="lead-1" now={() => 2} />,
    );
    const discovery = await render(<VendorFacts toolKeys={['openai-chatgpt']} />);
    expect(items(page)).toEqual(items(discovery));
    expect(items(page)).toContain('Paid (personal): yes vendor’s page, read 2026-12-07');
  });
});
