import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import {
  createRecord,
  decideEuAiActCategory,
  readRegistry,
  setUseProfile,
} from '../../../shared/documents/registry/index.ts';
import { button, cleanup, click, field, render, settle, type } from '../test-support/render.tsx';
import { Inventory } from './Inventory.tsx';
import { untilListed } from './list/until-listed.ts';

afterEach(cleanup);

const AT = Date.UTC(2026, 2, 10, 12);
const HOSTILE = '<img src=x onerror=alert(1)>';

function registryDoc(): Y.Doc {
  const doc = new Y.Doc();
  createRecord(
    doc,
    'rec-1',
    {
      name: 'HireRank',
      category: 'other',
      lifecycle: 'in-use',
      owner: 'Dana (HR)',
      purpose: 'Ranks applicants',
    },
    'lead-1',
    AT,
  );
  createRecord(doc, 'rec-2', { name: HOSTILE, owner: '<script>alert(2)</script>' }, 'lead-1', AT);
  return doc;
}

async function recordView(canEdit = true, doc = registryDoc()) {
  const view = await render(
    <Inventory
      registry={doc}
      recordId="rec-1"
      canEdit={canEdit}
      me="tok-lead"
      now={() => AT + 60_000}
    />,
  );
  return { view, doc, stored: () => readRegistry(doc).records.get('rec-1')!.classification };
}

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

describe('the inventory list', () => {
  it('lists records with category, lifecycle, owner, tier and EU AI Act category', async () => {
    const doc = registryDoc();
    setUseProfile(doc, 'rec-1', { annexIII: ['employment.recruitment'] }, 'lead-1', AT);
    const view = await render(<Inventory registry={doc} canEdit me="tok" />);
    await untilListed(view);
    const rows = [...view.querySelectorAll('tbody tr')];
    expect(rows.map((r) => r.getAttribute('data-record-id'))).toEqual(['rec-2', 'rec-1']);
    expect([...view.querySelectorAll('thead th')].map((c) => c.textContent)).toEqual([
      'Name▲',
      'Vendor',
      'Category',
      'Lifecycle',
      'Owner',
      'Departments',
      'Users',
      'Tier',
      'EU AI Act',
      'Last changed',
    ]);
    expect([...rows[1]!.children].map((c) => c.textContent)).toEqual([
      'HireRank',
      '—',
      'Other',
      'In use',
      'Dana (HR)',
      '—',
      '—',
      '—',
      'High-risk (suggested)',
      '2026-03-10',
    ]);
    expect(rows[1]!.querySelector('a')?.getAttribute('href')).toBe('#/inventory/rec-1');
  });

  it('shows a hostile record name and owner as text', async () => {
    const alert = vi.fn();
    vi.stubGlobal('alert', alert);
    const view = await render(<Inventory registry={registryDoc()} canEdit me="tok" />);
    await untilListed(view);
    expect(view.querySelector('img, script')).toBeNull();
    expect(view.querySelector('tbody tr[data-record-id="rec-2"] a')?.textContent).toBe(HOSTILE);
    expect(view.textContent).toContain('<script>alert(2)</script>');
    const record = await render(
      <Inventory registry={registryDoc()} recordId="rec-2" canEdit me="tok" />,
    );
    expect(record.querySelector('h1')?.textContent).toBe(HOSTILE);
    expect(record.querySelector('img, script')).toBeNull();
    expect(alert).not.toHaveBeenCalled();
    vi.unstubAllGlobals();
  });

  it('says so for an unknown record id, shown as text', async () => {
    const view = await render(
      <Inventory registry={registryDoc()} recordId={HOSTILE} canEdit me="tok" />,
    );
    expect(view.querySelector('code')?.textContent).toBe(HOSTILE);
    expect(view.querySelector('img')).toBeNull();
  });
});

describe('the classification panel', () => {
  it('asks prohibited → high-risk → transparency, and suggests live with citations', async () => {
    const { view } = await recordView();
    const legends = [...view.querySelectorAll('.questionnaire fieldset > legend')].map(text);
    expect(legends).toEqual([
      'Our role (Art. 3, Art. 25)',
      'Prohibited practices (Art. 5(1)): is it used for…',
      'High-risk (Art. 6)',
      'Transparency (Art. 50)',
    ]);
    expect(text(view.querySelector('.suggested-category'))).toBe('Minimal risk');
    expect(text(view.querySelector('.suggested-tier'))).toMatch(/^Tier 3/);

    await click(field(view, 'employment: recruitment and selection'));
    expect(text(view.querySelector('.suggested-category'))).toBe('High-risk');
    const basis = [...view.querySelectorAll('.basis li')].map(text);
    expect(basis).toHaveLength(1);
    expect(basis[0]).toMatch(/^Annex III 4\(a\): High-risk under Art\. 6\(2\): employment/);
    expect(view.querySelector('.basis cite')?.textContent).toBe('Annex III 4(a)');
    expect(text(view.querySelector('.suggested-tier'))).toMatch(/^Tier 1/);
    expect(text(view.querySelector('.tier-reasons'))).toContain('Annex III 4(a)');

    // The derogation is refused for a system that profiles people (a note says so).
    await click(field(view, 'it only performs a preparatory task'));
    expect(text(view.querySelector('.suggested-category'))).toBe('Minimal risk');
    expect(text(view.querySelector('.basis'))).toContain('Art. 6(3)');
    await click(field(view, 'It profiles natural persons.'));
    expect(text(view.querySelector('.suggested-category'))).toBe('High-risk');
    expect(text(view.querySelector('.notes'))).toMatch(/profiles natural persons/);
  });

  it('confirm writes the profile, the confirmed category and the tier', async () => {
    const { view, stored } = await recordView();
    await click(field(view, 'employment: recruitment and selection'));
    await click(button(view, 'Confirm'));
    const c = stored()!;
    expect(c.profile?.annexIII).toEqual(['employment.recruitment']);
    expect(c.suggested).toMatchObject({ category: 'high-risk', basis: ['Annex III 4(a)'] });
    expect(c.decision).toEqual({
      category: 'high-risk',
      confirmed: true,
      by: 'tok-lead',
      at: AT + 60_000,
    });
    expect(c.tier).toMatchObject({ suggested: 'tier-1', decided: 'tier-1', by: 'tok-lead' });
    expect(c.tier?.suggestedReasons?.join(' ')).toContain('Annex III 4(a)');
    expect(text(view.querySelector('[role="status"]'))).toBe('Confirmed: High-risk, Tier 1.');
    expect(text(view.querySelector('.decided-category'))).toMatch(
      /^EU AI Act: High-risk, confirmed by tok-lead/,
    );
  });

  it('override keeps the chosen category, tier and the reason', async () => {
    const { view, stored } = await recordView();
    await click(field(view, 'employment: recruitment and selection'));
    await click(button(view, 'Override'));
    const select = (label: string, value: string) =>
      act(async () => {
        const el = field(view, label) as HTMLSelectElement;
        el.value = value;
        el.dispatchEvent(new Event('change', { bubbles: true }));
      });
    await select('EU AI Act category', 'minimal');
    await select('Tier', 'tier-2');
    await type(field(view, 'Reason'), 'Drafts job ads only; no candidate is ranked.');
    await click(button(view, 'Save override'));
    const c = stored()!;
    expect(c.decision).toEqual({
      category: 'minimal',
      confirmed: false,
      overrideReason: 'Drafts job ads only; no candidate is ranked.',
      by: 'tok-lead',
      at: AT + 60_000,
    });
    expect(c.tier).toMatchObject({
      suggested: 'tier-1',
      decided: 'tier-2',
      reason: 'Drafts job ads only; no candidate is ranked.',
    });
    expect(view.querySelector('.override-reason')?.textContent).toBe(
      'Drafts job ads only; no candidate is ranked.',
    );
  });

  it('refuses an override without a reason, writing nothing', async () => {
    const { view, doc, stored } = await recordView();
    const before = Y.encodeStateAsUpdate(doc);
    await click(field(view, 'employment: recruitment and selection'));
    await click(button(view, 'Override'));
    await type(field(view, 'Reason'), '   ');
    await click(button(view, 'Save override'));
    expect(text(view.querySelector('[role="alert"]'))).toMatch(/needs a reason/);
    expect(stored()).toBeUndefined();
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('is read-only for contributors: no actions, the decision shown', async () => {
    const doc = registryDoc();
    setUseProfile(doc, 'rec-1', { annexIII: ['employment.recruitment'] }, 'lead-1', AT);
    decideEuAiActCategory(doc, 'rec-1', {
      category: 'minimal',
      confirmed: false,
      overrideReason: HOSTILE,
      by: 'lead-1',
      at: AT,
    });
    const { view } = await recordView(false, doc);
    expect(() => button(view, 'Confirm')).toThrow();
    expect(() => button(view, 'Override')).toThrow();
    expect(view.querySelector<HTMLFieldSetElement>('.questionnaire')?.disabled).toBe(true);
    expect((field(view, 'employment: recruitment and selection') as HTMLInputElement).checked).toBe(
      true,
    );
    expect(text(view.querySelector('.suggested-category'))).toBe('High-risk');
    expect(view.querySelector('.override-reason')?.textContent).toBe(HOSTILE);
    expect(view.querySelector('.classification-panel img')).toBeNull();
    expect(view.textContent).toContain('Only admins and leads decide');
  });

  it('follows the document as another lead decides', async () => {
    const { view, doc } = await recordView(false);
    await act(async () => {
      setUseProfile(doc, 'rec-1', { deepFake: true }, 'lead-2', AT);
      decideEuAiActCategory(doc, 'rec-1', {
        category: 'transparency',
        confirmed: true,
        by: 'lead-2',
        at: AT,
      });
    });
    await settle();
    expect(text(view.querySelector('.decided-category'))).toMatch(
      /Transparency obligations, confirmed by lead-2/,
    );
  });
});
