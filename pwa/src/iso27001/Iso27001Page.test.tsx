import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import OPENGRC from '../../../shared/iso27001/fixtures/soa-opengrc-shape.csv?raw';
import { readIsmsSoa } from '../../../shared/documents/registry/index.ts';
import type { SavedFile } from '../inventory/list/download.ts';
import { click, cleanup, field, render, settle } from '../test-support/render.tsx';
import { Iso27001Page } from './Iso27001Page.tsx';
import { cardLabelProblems } from '../ui/table-cards.test-support.ts';

/** X27-2 and X27-4 in the PWA, with an SoA in a public template's shape (fixtures/README.md). */

afterEach(cleanup);

const AT = Date.UTC(2026, 10, 4, 9);

async function chooseFile(view: HTMLElement, name: string, content: string) {
  const input = view.querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { configurable: true, value: [new File([content], name)] });
  input.dispatchEvent(new Event('change', { bubbles: true }));
  for (let i = 0; i < 400 && !view.querySelector('[role="alert"], [role="status"]'); i++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  await settle();
}

const headline = (view: HTMLElement) => view.querySelector('.reuse-headline')!.textContent;

describe('the ISO 27001 integration page', () => {
  it('imports the ISMS SoA and shows the reuse measured from it', async () => {
    const doc = new Y.Doc();
    const files: SavedFile[] = [];
    const view = await render(
      <Iso27001Page
        registry={doc}
        canEdit
        me="lead-a"
        workspace="acme"
        now={() => AT}
        saveFile={(file) => files.push(file)}
      />,
    );
    expect(headline(view)).toBe('0 of 65 ISO/IEC 42001 requirements (0 %) build on this ISMS');
    await chooseFile(view, 'soa.csv', OPENGRC);
    expect(view.querySelector('[role="status"]')!.textContent).toContain(
      'Imported 93 controls from soa.csv',
    );
    expect(readIsmsSoa(doc).soa!.rows).toHaveLength(93);
    // Annex A alone (the clauses not said to be run): 30 Annex A + the 6 clauses naming a control.
    expect(headline(view)).toBe('36 of 65 ISO/IEC 42001 requirements (55 %) build on this ISMS');
    await click(field(view, 'Our ISMS runs ISO/IEC 27001 clauses 4–10'));
    expect(headline(view)).toBe('55 of 65 ISO/IEC 42001 requirements (85 %) build on this ISMS');
    const row = [...view.querySelectorAll('tbody tr')].find((tr) =>
      tr.querySelector('th')!.textContent!.startsWith('A.6.2.8'),
    )!;
    expect(row.textContent).toContain('A.8.15 Logging: in place (Logging standard)');
    // On a phone each row is a card that names every value's column.
    expect(cardLabelProblems(view.querySelector('table'))).toEqual([]);

    await click(
      [...view.querySelectorAll('button')].find((b) => b.textContent === 'Export crosswalk (CSV)'),
    );
    expect(files[0]!.name).toBe('acme-iso27001-crosswalk-2026-11-04.csv');
    expect(files[0]!.text.split('\r\n')).toHaveLength(1 + 65 + 1);
  });

  it('refuses a file it cannot read faithfully, listing why, and changes nothing', async () => {
    const doc = new Y.Doc();
    const view = await render(<Iso27001Page registry={doc} canEdit me="lead-a" workspace="acme" />);
    const before = Y.encodeStateAsUpdate(doc);
    await chooseFile(view, 'old.csv', 'Control,Applicable\r\nA.9.2.3,Yes\r\nA.5.1,perhaps\r\n');
    const alert = view.querySelector('[role="alert"]')!.textContent;
    expect(alert).toContain('Not imported; nothing changed');
    expect(alert).toContain('Row 2: "A.9.2.3" is an ISO/IEC 27001:2013 control number');
    expect(alert).toContain('Row 3: applicable "perhaps" is neither yes nor no');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('is read only for a contributor', async () => {
    const view = await render(
      <Iso27001Page registry={new Y.Doc()} canEdit={false} me="c" workspace="acme" />,
    );
    expect(view.querySelector('input[type="file"]')).toBeNull();
    expect(view.querySelector<HTMLInputElement>('input[type="checkbox"]')!.disabled).toBe(true);
  });
});
