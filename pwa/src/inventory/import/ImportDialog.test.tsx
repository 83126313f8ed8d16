import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createRecord,
  readCustomFields,
  readRegistry,
} from '../../../../shared/documents/registry/index.ts';
import {
  DeviceValuesProvider,
  memoryDeviceValues,
  type DeviceValues,
} from '../../session/device-values.ts';
import { button, choose, cleanup, click, render } from '../../test-support/render.tsx';
import { ImportDialog } from './ImportDialog.tsx';

const AT = Date.UTC(2026, 2, 10, 12);
afterEach(cleanup);

function registryDoc(): Y.Doc {
  const doc = new Y.Doc();
  createRecord(doc, 'r1', { name: 'HireRank', owner: 'Dana', departments: ['HR'] }, 'lead-1', AT);
  return doc;
}

async function renderDialog(doc = registryDoc(), values: DeviceValues = memoryDeviceValues()) {
  const view = await render(
    <DeviceValuesProvider value={values}>
      <ImportDialog registry={doc} me="tok-lead" now={() => AT + 60_000} workspace="acme" />
    </DeviceValuesProvider>,
  );
  return { view, doc };
}

/** Radix renders dialogs in a portal on the body. */
const dialog = () => document.body.querySelector<HTMLElement>('[role="dialog"]');
const select = (label: string) =>
  dialog()!.querySelector<HTMLSelectElement>(`select[aria-label="${label}"]`);

async function chooseFile(view: HTMLElement, name: string, content: string) {
  const input = view.querySelector<HTMLInputElement>('input[type="file"]')!;
  Object.defineProperty(input, 'files', { configurable: true, value: [new File([content], name)] });
  input.dispatchEvent(new Event('change', { bubbles: true }));
  // Reading the file (and loading the catalog) is asynchronous: let it finish and the dialog open.
  for (let i = 0; i < 400 && !dialog(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
  await click(document.body); // flush React
}

const SHEET = [
  'Tool,Abteilung,Approx. # Users,Status,Kommentar',
  'Microsoft 365 Copilot,Vertrieb,120,In Betrieb,EA licence',
  'Microsoft 365 Copilot,Personal,40,Pilotphase,',
  'hirerank,Sales,~30,Under review,',
  ',Marketing,5,Live,no name here',
  '<img src=x onerror=alert(1)>,Security,1,Retired,',
].join('\r\n');

describe('importing an inventory spreadsheet', () => {
  it('maps columns, then values, previews every row’s outcome, and writes only on confirmation', async () => {
    const { view, doc } = await renderDialog();
    const before = Y.encodeStateAsUpdate(doc);
    await chooseFile(view, 'register.csv', SHEET);
    expect(dialog()!.querySelector('h2')?.textContent).toBe('Import from register.csv');
    expect(dialog()!.textContent).toContain('Step 1 of 3: columns');
    expect(select('Column Tool goes to')?.value).toBe('name');
    expect(select('Column Abteilung goes to')?.value).toBe('departments');
    expect(select('Column Approx. # Users goes to')?.value).toBe('userCount');
    expect(select('Column Kommentar goes to')?.value).toBe('custom');

    await click(button(dialog()!, 'Next'));
    expect(dialog()!.textContent).toContain('Step 2 of 3: values');
    expect(select('Lifecycle “In Betrieb” becomes')?.value).toBe('in-use');
    expect(select('Lifecycle “Under review” becomes')?.value).toBe('');
    await choose(select('Lifecycle “Under review” becomes'), 'procurement');

    await click(button(dialog()!, 'Next'));
    const preview = dialog()!;
    expect(preview.querySelector('[role="status"]')?.textContent).toBe(
      '5 rows · 2 new records · 2 updates · 1 skipped',
    );
    const outcomes = [...preview.querySelectorAll('tbody tr')].map((tr) =>
      [...tr.querySelectorAll('td')].slice(0, 3).map((td) => td.textContent),
    );
    expect(outcomes).toEqual(
      expect.arrayContaining([
        ['5', '—', 'Skipped'],
        ['3', 'Microsoft 365 Copilot', 'Joins an earlier row'],
        ['4', 'hirerank', 'Updates “HireRank”'],
        ['2', 'Microsoft 365 Copilot', 'New record'],
      ]),
    );
    expect(preview.textContent).toContain('it has no name');
    expect(preview.textContent).toContain('"~30" read as 30');
    expect(preview.querySelector('img')).toBeNull();
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);

    await click(button(preview, 'Import 5 rows'));
    expect(dialog()).toBeNull();
    const records = [...readRegistry(doc).records.values()];
    expect(records.map((r) => r.name).sort()).toEqual([
      '<img src=x onerror=alert(1)>',
      'HireRank',
      'Microsoft 365 Copilot',
    ]);
    const copilot = records.find((r) => r.name === 'Microsoft 365 Copilot')!;
    expect(copilot).toMatchObject({
      departments: ['Personal', 'Vertrieb'],
      userCount: 160,
      lifecycle: 'in-use',
      toolKeys: ['microsoft-365-copilot'],
      createdBy: 'tok-lead',
    });
    expect(records.find((r) => r.id === 'r1')).toMatchObject({
      owner: 'Dana',
      departments: ['HR', 'Sales'],
      userCount: 30,
      lifecycle: 'procurement',
    });
    expect(readCustomFields(doc).byRecord.get(copilot.id)).toEqual([
      { name: 'Kommentar', value: 'EA licence' },
    ]);
    expect(view.querySelector('.import-message')?.textContent).toBe(
      'Imported register.csv: 5 rows · 2 new records · 2 updates · 1 skipped.',
    );
  });

  it('remembers the confirmed mapping for the next file with the same headers', async () => {
    const values = memoryDeviceValues();
    const first = await renderDialog(registryDoc(), values);
    await chooseFile(first.view, 'register.csv', SHEET);
    await choose(select('Column Kommentar goes to'), 'ignore');
    await click(button(dialog()!, 'Next'));
    await choose(select('Lifecycle “Under review” becomes'), 'procurement');
    await click(button(dialog()!, 'Next'));
    await click(button(dialog()!, 'Import 5 rows'));
    cleanup();

    const second = await renderDialog(registryDoc(), values);
    await chooseFile(second.view, 'next-month.csv', SHEET.replace('In Betrieb', 'Live'));
    expect(dialog()!.textContent).toContain('the mapping saved for these headers');
    expect(select('Column Kommentar goes to')?.value).toBe('ignore');
    await click(button(dialog()!, 'Next'));
    expect(select('Lifecycle “Under review” becomes')?.value).toBe('procurement');
  });

  it('holds the import back while the mapping cannot be used, and changes nothing on cancel', async () => {
    const { view, doc } = await renderDialog();
    const before = Y.encodeStateAsUpdate(doc);
    await chooseFile(view, 'register.csv', SHEET);
    await choose(select('Column Tool goes to'), 'custom');
    expect(dialog()!.querySelector('[role="alert"]')?.textContent).toContain(
      'no column holds the names',
    );
    expect(button(dialog()!, 'Next').disabled).toBe(true);
    await click(button(dialog()!, 'Cancel'));
    expect(dialog()).toBeNull();
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('refuses a file it cannot read, saying why', async () => {
    const { view, doc } = await renderDialog();
    const before = Y.encodeStateAsUpdate(doc);
    await chooseFile(view, 'quotes.csv', 'Name\r\n"unclosed, quote\r\n');
    expect(dialog()!.querySelector('h2')?.textContent).toBe('Nothing to import from quotes.csv');
    expect(dialog()!.textContent).toMatch(/not valid CSV/);
    await click(button(dialog()!, 'Close'));
    await chooseFile(view, 'empty.csv', '\r\n\r\n');
    expect(dialog()!.textContent).toMatch(/no header row/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });
});
