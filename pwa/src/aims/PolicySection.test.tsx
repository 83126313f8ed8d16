import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  approvePolicyVersion,
  readAiPolicy,
  savePolicyDraft,
} from '../../../shared/documents/aims/index.ts';
import { writePolicyAckCounts } from '../../../shared/documents/discoveries/index.ts';
import { addTopManagement } from '../../../shared/documents/aims/fixture.test-support.ts';
import { readPublishedAiPolicy } from '../../../shared/documents/policy/index.ts';
import { button, cleanup, click, field, render, type } from '../test-support/render.tsx';
import { ManagementSystem } from './ManagementSystem.tsx';

const AT = Date.UTC(2026, 11, 7, 12);

function registryDoc() {
  const doc = new Y.Doc();
  addTopManagement(doc, ['Maria'], AT);
  return doc;
}

async function renderAs(me: string, registry: Y.Doc, policy: Y.Doc, discoveries?: Y.Doc) {
  return render(
    <ManagementSystem
      registry={registry}
      policy={policy}
      discoveries={discoveries}
      canEditPolicy
      canEdit
      me={me}
      workspace="acme"
      now={() => AT}
      saveFile={() => {}}
    />,
  );
}

const dialog = () => document.body.querySelector<HTMLElement>('[role="dialog"]')!;
const section = (view: HTMLElement) => view.querySelector<HTMLElement>('#aims-aimsPolicy')!;

afterEach(cleanup);

describe('the AI policy section', () => {
  it('a lead drafts; only top management approves; approval publishes it to the extensions', async () => {
    const registry = registryDoc();
    const policy = new Y.Doc();
    const lead = await renderAs('Ana', registry, policy);
    await click(button(section(lead), 'New draft'));
    await type(field(dialog(), 'Summary for employees'), 'Use only approved AI tools.');
    await type(field(dialog(), 'Link to the whole policy'), 'https://intranet.example.com/ai');
    await click(button(dialog(), 'Save draft'));
    expect(readAiPolicy(registry).versions.map((v) => v.state)).toEqual(['draft']);
    expect(section(lead).textContent).toContain('Only someone in a role marked top management');
    expect(() => button(section(lead), 'Approve and publish')).toThrow();
    cleanup();

    const ceo = await renderAs('Maria', registry, policy);
    await click(button(section(ceo), 'Approve and publish'));
    expect(readAiPolicy(registry).current).toMatchObject({ number: 1, approvedBy: 'Maria' });
    expect(readPublishedAiPolicy(policy).policy).toMatchObject({
      number: 1,
      summary: 'Use only approved AI tools.',
      link: 'https://intranet.example.com/ai',
      publishedBy: 'Maria',
    });
    expect(section(ceo).textContent).toContain('Version 1: AI policy');
    expect(section(ceo).textContent).toContain('Published to the browser extensions.');
  });

  it('editing a draft keeps what another lead changed meanwhile', async () => {
    const registry = registryDoc();
    const draft = { title: 'AI policy', summary: 'Old.', link: 'https://intranet.example.com/a' };
    savePolicyDraft(registry, 'd1', draft, 'Ana', AT);
    const view = await renderAs('Ana', registry, new Y.Doc());
    await click(button(section(view), 'Edit draft: AI policy'));
    savePolicyDraft(
      registry,
      'd1',
      { ...draft, link: 'https://intranet.example.com/b' },
      'Ben',
      AT,
    );
    await type(field(dialog(), 'Summary for employees'), 'New.');
    await click(button(dialog(), 'Save draft'));
    expect(readAiPolicy(registry).versions[0]).toMatchObject({
      summary: 'New.',
      link: 'https://intranet.example.com/b',
    });
  });

  it('refuses a draft whose link is not https, saying why', async () => {
    const registry = registryDoc();
    const view = await renderAs('Ana', registry, new Y.Doc());
    await click(button(section(view), 'New draft'));
    await type(field(dialog(), 'Summary for employees'), 'Use only approved AI tools.');
    await type(field(dialog(), 'Link to the whole policy'), 'http://intranet.example.com/ai');
    await click(button(dialog(), 'Save draft'));
    expect(dialog().querySelector('[role="alert"]')?.textContent).toMatch(/https/);
    expect(readAiPolicy(registry).versions).toEqual([]);
  });

  it('shows each version’s acceptance rate as the relay counted it (docs/sync.md ACK2)', async () => {
    const registry = registryDoc();
    const draft = { title: 'AI policy', summary: 'Use.', link: 'https://intranet.example.com/a' };
    savePolicyDraft(registry, 'd1', draft, 'Ana', AT);
    approvePolicyVersion(registry, 'd1', 'Maria', AT);
    const discoveries = new Y.Doc();
    const view = await renderAs('Ana', registry, new Y.Doc(), discoveries);
    expect(section(view).textContent).toContain('No employee has acknowledged it yet.');
    await act(async () => {
      writePolicyAckCounts(discoveries, [
        { versionId: 'd1', number: 1, acknowledged: 5, ofActive: 3, active: 4, computedAt: AT },
      ]);
    });
    expect(section(view).textContent).toContain(
      'Acknowledged by 3 of 4 extensions active in the last 30 days (75 %); 5 in all.',
    );
  });
});
