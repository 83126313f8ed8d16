import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { compileMatcher } from '../../../shared/detection/matcher.ts';
import { builtInCatalog } from '../../../shared/catalog/catalog.ts';
import { readPolicy, setStatus } from '../../../shared/documents/policy/index.ts';
import { Inbox } from '../inbox/Inbox.tsx';
import { button, cleanup, click, render } from '../test-support/render.tsx';
import { aggregate, day, discoveriesDoc } from '../test-support/workspace-docs.ts';
import { workspaceToolForHost } from './catalog-from-host.ts';

afterEach(cleanup);

describe('a likely-AI host becomes a workspace catalog entry in one step', () => {
  it('adds the host to the policy, carrying its status over, and every matcher then knows it', async () => {
    const discoveries = discoveriesDoc({
      'host:photo-ai.ai': aggregate({
        name: 'photo-ai.ai',
        category: 'other',
        hosts: ['cdn.photo-ai.ai'],
      }),
    });
    const policy = new Y.Doc();
    setStatus(policy, 'host:photo-ai.ai', {
      status: 'banned',
      guidance: 'Not approved.',
      updatedBy: 'lead-1',
      updatedAt: day(1),
    });
    const view = await render(
      <Inbox
        discoveries={discoveries}
        policy={policy}
        registry={new Y.Doc()}
        canEditPolicy
        canTriage
        updatedBy="lead-1"
        now={() => day(2)}
      />,
    );
    await click(view.querySelector('tr[data-tool-key="host:photo-ai.ai"] button'));
    expect(view.textContent).toContain('Possibly AI — not in the catalog');
    await click(button(view, 'Add photo-ai.ai to the workspace catalog'));
    await vi.waitFor(() => expect(readPolicy(policy).tools).toHaveLength(1));

    const { tools, statuses } = readPolicy(policy);
    expect(tools).toEqual([
      expect.objectContaining({ id: 'photo-ai-ai', name: 'photo-ai.ai', hosts: ['photo-ai.ai'] }),
    ]);
    expect(statuses.get('photo-ai-ai')?.status).toBe('banned');
    await vi.waitFor(() =>
      expect(view.textContent).toContain('In the workspace catalog as photo-ai.ai'),
    );
    // What every extension compiles from the policy now matches the host and its subdomains.
    const matcher = compileMatcher(builtInCatalog(), tools);
    expect(matcher.matchHostname('cdn.photo-ai.ai')?.toolId).toBe('photo-ai-ai');
  });

  it('never takes a built-in tool id, nor one the workspace already uses', () => {
    expect(workspaceToolForHost('openai-chatgpt', [], builtInCatalog()).id).toBe(
      'openai-chatgpt-2',
    );
    const taken = [{ ...builtInCatalog()[0]!, id: 'foo-ai' }];
    expect(workspaceToolForHost('foo.ai', taken, builtInCatalog()).id).toBe('foo-ai-2');
  });
});
