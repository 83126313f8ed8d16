import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createRecord,
  decideTier,
  readRegistry,
  removeTier,
  setTier,
} from '../../../shared/documents/registry/index.ts';
import { ClassificationPanel } from '../inventory/ClassificationPanel.tsx';
import { tierName, tierShown } from '../inventory/classification-words.ts';
import { button, cleanup, click, render, settle } from '../test-support/render.tsx';
import { readTierScheme } from '../../../shared/documents/registry/index.ts';

const AT = Date.UTC(2026, 2, 10);
const BY = { by: 'lead-1', at: AT };
afterEach(cleanup);

/** A registry with one record and a five-tier scheme of the workspace's own. */
function workspace(): Y.Doc {
  const doc = new Y.Doc();
  createRecord(doc, 'rec-1', { name: 'Screener' }, 'lead-1', AT);
  setTier(doc, { id: 'tier-1', name: 'Critical', description: 'Decides about people' }, BY);
  setTier(doc, { id: 'tier-2', name: 'High', description: '' }, BY);
  setTier(doc, { id: 'tier-3', name: 'Medium', description: '' }, BY);
  setTier(doc, { id: 'low', name: 'Low', description: '' }, BY);
  setTier(doc, { id: 'minimal', name: 'Minimal', description: 'Routine tools' }, BY);
  return doc;
}

async function panel(registry: Y.Doc) {
  const record = readRegistry(registry).records.get('rec-1')!;
  return render(
    <ClassificationPanel
      recordId="rec-1"
      classification={record.classification}
      registry={registry}
      canEdit
      me="lead-1"
      now={() => AT}
    />,
  );
}

describe("the classification panel on the workspace's tier scheme", () => {
  it('suggests and offers the workspace tiers, and records their ids', async () => {
    const registry = workspace();
    const view = await panel(registry);
    // An empty profile is a routine tool: the last tier of any scheme.
    expect(view.querySelector('.suggested-tier')?.textContent).toMatch(/^Minimal/);
    expect(view.querySelector('.tier-reasons')?.textContent).toMatch(
      /5 tiers.*default Tier 3.*maps to Minimal/,
    );
    await click(button(view, 'Override'));
    const options = [...view.querySelectorAll<HTMLSelectElement>('.override select')[1]!.options];
    expect(options.map((o) => [o.value, o.textContent])).toEqual([
      ['tier-1', 'Critical'],
      ['tier-2', 'High'],
      ['tier-3', 'Medium'],
      ['low', 'Low'],
      ['minimal', 'Minimal'],
    ]);
    await click(button(view, 'Cancel'));
    await click(button(view, 'Confirm'));
    expect(readRegistry(registry).records.get('rec-1')?.classification?.tier).toMatchObject({
      suggested: 'minimal',
      decided: 'minimal',
    });
  });

  it('names a decision under a removed tier as removed from the scheme', async () => {
    const registry = workspace();
    decideTier(registry, 'rec-1', { suggested: 'low', decided: 'low', ...BY });
    removeTier(registry, 'low', BY);
    const view = await panel(registry);
    await settle();
    expect(view.querySelector('.decided-tier')?.textContent).toMatch(
      /Tier: Low \(removed from the scheme\) \(suggested Low \(removed from the scheme\)\)/,
    );
    const record = readRegistry(registry).records.get('rec-1')!;
    expect(tierShown(record, readTierScheme(registry))).toBe('Low (removed from the scheme)');
    expect(tierName('gone', readTierScheme(registry))).toBe('gone (removed from the scheme)');
    expect(tierName('tier-1', readTierScheme(registry))).toBe('Critical');
    expect(tierName('tier-1')).toBe('Tier 1');
  });
});
