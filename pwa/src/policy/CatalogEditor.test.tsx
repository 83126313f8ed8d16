import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { compileMatcher } from '../../../shared/detection/matcher.ts';
import { readPolicy, setWorkspaceTool } from '../../../shared/documents/policy/index.ts';
import { WorkspaceView } from '../app/WorkspaceView.tsx';
import type { Credentials } from '../session/join-link.ts';
import { fakeSync } from '../test-support/fake-sync.ts';
import { button, choose, cleanup, click, field, render, type } from '../test-support/render.tsx';
import { CatalogEditor } from './CatalogEditor.tsx';
import { cardLabelProblems } from '../ui/table-cards.test-support.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';
const FACTS = { headquarters: { value: 'DE', source: 'https://notes-ai.example/imprint' } };
afterEach(() => {
  cleanup();
  window.location.hash = '';
});

function aPolicy(): Y.Doc {
  const doc = new Y.Doc();
  setWorkspaceTool(doc, {
    id: 'notes-ai',
    name: 'Notes AI',
    vendor: 'Notes GmbH',
    hosts: ['notes-ai.example'],
    facts: FACTS,
  });
  return doc;
}

async function editor(policy = aPolicy(), canEdit = true) {
  const view = await render(<CatalogEditor policy={policy} canEdit={canEdit} />);
  const rows = () =>
    [...view.querySelectorAll('tbody tr')].map((row) =>
      [...row.children].map((cell) => cell.textContent),
    );
  const form = () => view.querySelector<HTMLElement>('.tool-form');
  return { view, policy, rows, form };
}
const dialog = () => document.querySelector<HTMLElement>('[role="alertdialog"]');

describe('the workspace catalog editor', () => {
  it('lists the workspace tools', async () => {
    const { rows, view } = await editor();
    expect(rows()).toEqual([
      ['Notes AI', 'notes-ai', 'Notes GmbH', 'Other', 'notes-ai.example', '—', '—', 'EditRemove'],
    ]);
    // On a phone each row is a card that names every value's column.
    expect(cardLabelProblems(view.querySelector('table'), ['Actions'])).toEqual([]);
  });

  it('adds a tool written to the policy, which a matcher then detects', async () => {
    const { view, policy, form } = await editor();
    await click(button(view, 'Add a tool'));
    await type(field(form()!, 'Id'), 'scribe-ai');
    await type(field(form()!, 'Name'), HOSTILE);
    await choose(field(form()!, 'Category'), 'writing');
    await type(field(form()!, 'Hosts'), 'Scribe-AI.example\napp.scribe-ai.example');
    await type(field(form()!, 'API hosts'), 'api.scribe-ai.example');
    await click(button(form()!, 'Add tool'));
    expect(form()).toBeNull();
    const added = readPolicy(policy).tools.find((t) => t.id === 'scribe-ai');
    expect(added).toEqual({
      id: 'scribe-ai',
      name: HOSTILE,
      vendor: 'Unknown',
      category: 'writing',
      hosts: ['scribe-ai.example', 'app.scribe-ai.example'],
      apiHosts: ['api.scribe-ai.example'],
      extensionIds: [],
      facts: {},
    });
    // The extension compiles its matcher from the same reader (extension/background).
    const matcher = compileMatcher([], readPolicy(policy).tools);
    expect(matcher.matchHostname('app.scribe-ai.example')?.toolId).toBe('scribe-ai');
    expect(view.querySelector('img')).toBeNull();
    expect(view.querySelector('[role="status"]')?.textContent).toContain(`Saved ${HOSTILE}`);
  });

  it('refuses a bad host with a clear message and changes nothing', async () => {
    const { view, policy, form } = await editor();
    const before = Y.encodeStateAsUpdate(policy);
    await click(button(view, 'Edit Notes AI'));
    expect((field(form()!, 'Id') as HTMLInputElement).readOnly).toBe(true);
    await type(field(form()!, 'Hosts'), 'notes-ai.example\nnot a host!');
    await type(field(form()!, 'Extension ids'), 'nope');
    await click(button(form()!, 'Save tool'));
    expect(form()!.querySelector('[role="alert"]')?.textContent).toMatch(/2 problems/);
    const hosts = field(form()!, 'Hosts');
    expect(hosts.getAttribute('aria-invalid')).toBe('true');
    const hostError = document.getElementById(hosts.getAttribute('aria-describedby')!);
    expect(hostError?.textContent).toMatch(/"not a host!" is not a hostname/);
    expect(form()!.textContent).toMatch(/"nope" is not a Chrome extension id/);
    expect(Y.encodeStateAsUpdate(policy)).toEqual(before);

    await type(field(form()!, 'Hosts'), '');
    await type(field(form()!, 'Extension ids'), '');
    await click(button(form()!, 'Save tool'));
    expect(form()!.textContent).toMatch(/A tool needs a host, an API host or an extension id/);
    expect(Y.encodeStateAsUpdate(policy)).toEqual(before);
  });

  it('edits a tool keeping its facts, and refuses a second tool with the same id', async () => {
    const { view, policy, form } = await editor();
    await click(button(view, 'Edit Notes AI'));
    await type(field(form()!, 'Vendor'), '');
    await type(field(form()!, 'Extension ids'), 'a'.repeat(32));
    await click(button(form()!, 'Save tool'));
    expect(readPolicy(policy).tools[0]).toMatchObject({
      vendor: 'Unknown',
      extensionIds: ['a'.repeat(32)],
      facts: FACTS,
    });
    await click(button(view, 'Add a tool'));
    await type(field(form()!, 'Id'), 'notes-ai');
    await type(field(form()!, 'Name'), 'Other notes');
    await type(field(form()!, 'Hosts'), 'other.example');
    await click(button(form()!, 'Add tool'));
    expect(form()!.textContent).toMatch(/already has a tool with this id/);
    expect(readPolicy(policy).tools.map((t) => t.name)).toEqual(['Notes AI']);
  });

  it('removes a tool only after the confirmation', async () => {
    const { view, policy, rows } = await editor();
    await click(button(view, 'Remove Notes AI'));
    expect(dialog()?.textContent).toMatch(/Remove Notes AI\?/);
    await click(button(dialog()!, 'Cancel'));
    expect(readPolicy(policy).tools).toHaveLength(1);
    await click(button(view, 'Remove Notes AI'));
    await click(button(dialog()!, 'Remove'));
    expect(readPolicy(policy).tools).toEqual([]);
    expect(rows()).toEqual([]);
    expect(view.textContent).toMatch(/No tools of the workspace’s own yet/);
  });

  it('is read-only for a contributor, through the #/catalog route', async () => {
    const creds: Credentials = { workspace: 'acme', token: 'T', role: 'contributor' };
    const view = await render(
      <WorkspaceView
        path="catalog"
        sync={fakeSync(creds, { policy: aPolicy() })}
        credentials={creds}
      />,
    );
    expect(view.querySelector('h1')?.textContent).toBe('Workspace catalog');
    expect(view.querySelector('tbody th')?.textContent).toBe('Notes AI');
    expect(view.querySelectorAll('button')).toHaveLength(0);
    expect(view.textContent).toMatch(/Only admins and leads change the workspace catalog/);
  });
});
