import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createRecord,
  readRegistry,
  updateGovernance,
} from '../../../../shared/documents/registry/index.ts';
import {
  button,
  choose,
  cleanup,
  click,
  field,
  render,
  settle,
} from '../../test-support/render.tsx';
import { Inventory } from '../Inventory.tsx';

// "Today" for these tests: 7 Dec 2026, after the 2026 prohibitions applied (2 Dec 2026) and
// before the Annex III high-risk regime (2 Dec 2027, Art. 113 as amended).
const TODAY = Date.UTC(2026, 11, 7, 10);

afterEach(cleanup);

async function recordView() {
  const doc = new Y.Doc();
  createRecord(doc, 'rec-1', { name: 'Screener' }, 'lead-1', TODAY - 86_400_000);
  const view = await render(
    <Inventory registry={doc} recordId="rec-1" canEdit me="tok-lead" now={() => TODAY} />,
  );
  return { view, doc };
}

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const duties = (view: Element, heading: RegExp) => {
  const h = [...view.querySelectorAll('.duties-by-time h4')].find((x) => heading.test(text(x)));
  return [...(h?.nextElementSibling?.querySelectorAll('li') ?? [])].map(text);
};

describe('the classification panel says when each duty applies', () => {
  it('reads the workspace’s Art. 27 answer, as the tracker does (one source of truth)', async () => {
    const doc = new Y.Doc();
    createRecord(doc, 'rec-1', { name: 'Screener' }, 'lead-1', TODAY);
    updateGovernance(doc, { publicBodyOrPublicService: true }, { by: 'lead-1', at: TODAY });
    const view = await render(
      <Inventory registry={doc} recordId="rec-1" canEdit me="tok-lead" now={() => TODAY} />,
    );
    await click(field(view, 'employment: recruitment and selection'));
    const art27 = duties(view, /^Our duties/).find((d) => d.includes('Art. 27'));
    expect(art27).toMatch(/^from 2 Dec 2027 Art\. 27 \(deployer\): fundamental-rights/);
  });

  it('a record classified today shows what applies now and what from 2 Dec 2027', async () => {
    const { view } = await recordView();
    await click(field(view, 'employment: recruitment and selection'));
    const own = duties(view, /^Our duties as deployer/);
    expect(own).toContainEqual(
      expect.stringMatching(/^from 2 Dec 2027 Art\. 26\(1\) \(deployer\)/),
    );
    expect(own).toContainEqual(expect.stringMatching(/^from 2 Dec 2027 Art\. 86 \(deployer\)/));
    expect(own).toContainEqual(expect.stringMatching(/^applies now Art\. 4 \(deployer\)/));
    // The provider's duties, as what to ask of it (Art. 16, 49(1), 73).
    const ask = duties(view, /^What to ask of the provider/);
    expect(ask).toContainEqual(expect.stringMatching(/^from 2 Dec 2027 Art\. 16 \(provider\)/));
    expect(text(view.querySelector('.rules-version'))).toMatch(/version eu-ai-act-2026-12/);
  });

  it('a nudifier is prohibited (Art. 5(1)(ba)), and that applies now', async () => {
    const { view } = await recordView();
    await click(field(view, 'generating or manipulating realistic intimate images'));
    expect(text(view.querySelector('.suggested-category'))).toBe('Prohibited');
    expect(duties(view, /^Our duties/)).toContainEqual(
      expect.stringMatching(/^applies now Art\. 5\(1\)\(ba\) \(deployer\)/),
    );
  });

  it('asks the role: a provider and deployer owns every duty, and the answer is stored', async () => {
    const { view, doc } = await recordView();
    await click(field(view, 'employment: recruitment and selection'));
    await choose(field(view, 'For this system we are'), 'provider-and-deployer');
    await settle();
    expect(duties(view, /^What to ask/)).toEqual([]);
    expect(duties(view, /^Our duties as provider and deployer/)).toContainEqual(
      expect.stringMatching(/Art\. 16 \(provider\)/),
    );
    await click(button(view, 'Confirm'));
    expect(readRegistry(doc).records.get('rec-1')!.classification?.profile?.role).toBe(
      'provider-and-deployer',
    );
  });
});
