import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { importNetworkLog } from '../../../shared/documents/registry/index.ts';
import { cleanup, render } from '../test-support/render.tsx';
import { day, discoveriesDoc } from '../test-support/workspace-docs.ts';
import { Inbox } from './Inbox.tsx';

afterEach(cleanup);

describe('the inbox shows imported network logs', () => {
  it('lists a log-only tool and adds "network log" to a tool the extensions found too', async () => {
    const discoveries = discoveriesDoc({ 'openai-chatgpt': { lastSeen: day(30) } });
    const registry = new Y.Doc();
    const view = await render(
      <Inbox
        discoveries={discoveries}
        policy={new Y.Doc()}
        registry={registry}
        canEditPolicy
        canTriage
        updatedBy="lead-1"
        now={() => day(31)}
      />,
    );
    const howFound = () =>
      Object.fromEntries(
        [...view.querySelectorAll('tbody tr')].map((row) => [
          row.getAttribute('data-tool-key'),
          [...row.querySelectorAll('td')]
            .map((c) => c.textContent)
            .find((t) => t?.includes('visit') || t?.includes('network log')),
        ]),
      );
    expect(howFound()).toEqual({ 'openai-chatgpt': 'visit' });
    await act(async () =>
      importNetworkLog(
        registry,
        [
          {
            toolKey: 'openai-chatgpt',
            name: 'ChatGPT',
            category: 'chat-assistant',
            hosts: ['chatgpt.com'],
            lines: 3,
          },
          {
            toolKey: 'anthropic-claude',
            name: 'Claude',
            category: 'chat-assistant',
            hosts: ['claude.ai'],
            lines: 1,
            firstSeen: day(2),
            lastSeen: day(4),
          },
        ],
        { importedBy: 'lead-1', importedAt: day(31) },
      ),
    );
    expect(howFound()).toEqual({
      'openai-chatgpt': 'visit, network log',
      'anthropic-claude': 'network log',
    });
  });
});
