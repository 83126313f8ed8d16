import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  AIMS_SUPPLIERS,
  readAimsRegister,
  saveAimsEntry,
} from '../../../shared/documents/aims/index.ts';
import { createRecord } from '../../../shared/documents/registry/index.ts';
import { ManagementSystem } from '../aims/ManagementSystem.tsx';
import { button, cleanup, click, field, render, settle, type } from '../test-support/render.tsx';
import { RecordSuppliers } from './RecordSuppliers.tsx';
import { SupplierRenewalsDue } from './SupplierRenewalsDue.tsx';

const DAY = 86_400_000;
const AT = Date.UTC(2026, 11, 7, 12);
const now = () => AT;

afterEach(cleanup);

const dialog = () => document.body.querySelector<HTMLElement>('[role="dialog"]')!;
const panel = (view: HTMLElement, recordId: string) =>
  view.querySelector<HTMLElement>(`[data-record="${recordId}"]`)!;

// One supplier of ChatGPT Enterprise: the catalog's vendor facts for "openai-chatgpt" cite
// OpenAI's help page (shared/catalog/vendor-facts/vendor-facts.json).
function workspace() {
  const doc = new Y.Doc();
  createRecord(doc, 'r-chat', { name: 'ChatGPT Enterprise', owner: 'Dana' }, 'Ana', AT);
  createRecord(doc, 'r-notes', { name: 'Meeting notes', owner: 'Dana' }, 'Ana', AT);
  saveAimsEntry(
    doc,
    AIMS_SUPPLIERS,
    'sup-openai',
    {
      title: 'OpenAI',
      toolId: 'openai-chatgpt',
      recordIds: ['r-chat'],
      owner: 'Dana',
      contractStart: AT - 300 * DAY,
      renewalDate: AT - (AT % DAY) + 20 * DAY,
      clause_dataUse: 'present',
      clause_auditRights: 'absent',
    },
    'Ana',
    AT,
  );
  return doc;
}

describe('supplier files and the records that use them', () => {
  it('shows the same supplier, renewal and missing clauses on the file, the record and the dashboard', async () => {
    const doc = workspace();
    const view = await render(
      <>
        <ManagementSystem registry={doc} canEdit me="Ana" workspace="acme" now={now} />
        <div data-record="r-chat">
          <RecordSuppliers registry={doc} recordId="r-chat" now={now} />
        </div>
        <div data-record="r-notes">
          <RecordSuppliers registry={doc} recordId="r-notes" now={now} />
        </div>
        <SupplierRenewalsDue registry={doc} now={now} />
      </>,
    );
    const suppliers = view.querySelector<HTMLElement>(`#aims-${AIMS_SUPPLIERS.id}`)!;
    const card = suppliers.querySelector<HTMLElement>('.aims-entry')!;
    const badge = card.querySelector('.aims-badge')!.textContent;
    expect(badge).toBe('Renewal due 2026-12-27 · 5 contract clauses not present');
    expect(card.textContent).toContain('ChatGPT Enterprise');
    expect(panel(view, 'r-chat').textContent).toContain('OpenAI');
    expect(panel(view, 'r-chat').querySelector('.aims-badge')!.textContent).toBe(badge);
    expect(panel(view, 'r-notes').textContent).toContain('No supplier file names this record');
    const renewals = view.querySelector<HTMLElement>('.supplier-renewals')!;
    expect(renewals.textContent).toContain(`OpenAI: ${badge}`);
    // The vendor facts come from the catalog, with their source and the day it was read.
    const facts = card.querySelector<HTMLElement>('.vendor-facts')!;
    const source = facts.querySelector<HTMLAnchorElement>('a.vendor-fact-source')!;
    expect(source.href).toMatch(/^https:\/\/help\.openai\.com\//);
    expect(source.textContent).toMatch(/read \d{4}-\d\d-\d\d/);

    // The supplier file names its records: adding one there shows on that record's page.
    await click(button(card, 'Edit supplier file: OpenAI'));
    await click(field(dialog(), 'Meeting notes'));
    await click(button(dialog(), 'Save'));
    expect(panel(view, 'r-notes').textContent).toContain('OpenAI');
    expect(card.textContent).toContain('Meeting notes');

    // SUP1: an address that is not https is refused with a clear error, changing nothing.
    const before = readAimsRegister(doc, AIMS_SUPPLIERS).entries;
    await click(button(card, 'Edit supplier file: OpenAI'));
    await type(field(dialog(), 'Art. 13 information (link)'), 'http://openai.com/art13');
    await click(button(dialog(), 'Save'));
    expect(dialog().textContent).toContain('Art. 13 information (link) must be an https address');
    expect(readAimsRegister(doc, AIMS_SUPPLIERS).entries).toEqual(before);
  });

  it('starts a supplier file from a record, its vendor, catalog tool and record filled in', async () => {
    const doc = new Y.Doc();
    createRecord(doc, 'r-claude', { name: 'Claude for Legal', owner: 'Dana' }, 'Ana', AT);
    const view = await render(
      <RecordSuppliers
        registry={doc}
        recordId="r-claude"
        toolKeys={['anthropic-claude', 'host:claude.example']}
        canEdit
        me="Ana"
        now={now}
      />,
    );
    // The action loads on demand: wait for it.
    await vi.waitFor(() => button(view, 'New supplier file for Anthropic (Claude)'), {
      timeout: 10_000,
    });
    await settle();
    await click(button(view, 'New supplier file for Anthropic (Claude)'));
    await click(button(dialog(), 'Add supplier file'));
    const [saved] = readAimsRegister(doc, AIMS_SUPPLIERS).entries;
    expect(saved?.values).toMatchObject({
      title: 'Anthropic',
      toolId: 'anthropic-claude',
      recordIds: ['r-claude'],
    });
    expect(view.textContent).toContain('Anthropic');
    // The record now has its supplier file: no second offer for the same tool.
    expect(view.textContent).not.toContain('New supplier file for');
  });
});
