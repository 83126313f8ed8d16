import { describe, expect, it } from 'vitest';
import type { NetworkLogDiscovery } from '../../../shared/documents/registry/index.ts';
import { day, discovery } from '../test-support/workspace-docs.ts';
import { inboxRows } from './inbox-rows.ts';
import { inboxRowsWithNetworkLog } from './network-log-rows.ts';

const logged = (toolKey: string, overrides: Partial<NetworkLogDiscovery> = {}) =>
  [
    toolKey,
    {
      toolKey,
      name: 'Claude',
      category: 'chat-assistant',
      hosts: ['claude.ai'],
      lines: 12,
      importedBy: 'lead-1',
      importedAt: day(20),
      ...overrides,
    } satisfies NetworkLogDiscovery,
  ] as const;

describe('the inbox with imported network logs', () => {
  it('is the plain inbox when nothing was imported', () => {
    const discoveries = [discovery('openai-chatgpt')];
    expect(inboxRowsWithNetworkLog(discoveries, new Map(), new Map())).toEqual(
      inboxRows(discoveries, new Map()),
    );
  });

  it('gives a tool found only in a log its own row, found by "network log"', () => {
    const rows = inboxRowsWithNetworkLog(
      [discovery('openai-chatgpt', { lastSeen: day(30) })],
      new Map([logged('anthropic-claude', { firstSeen: day(2), lastSeen: day(9) })]),
      new Map(),
    );
    expect(rows.map((r) => r.toolKey)).toEqual(['openai-chatgpt', 'anthropic-claude']);
    expect(rows[1]).toMatchObject({
      name: 'Claude',
      category: 'Chat assistant',
      reporters: 0,
      firstSeen: day(2),
      lastSeen: day(9),
      // New to whoever last looked before the import, though the log saw it on day 2.
      firstReportedAt: day(20),
      howFound: ['network log'],
      hosts: ['claude.ai'],
      status: 'unreviewed',
    });
    expect(rows[0]!.howFound).toEqual(['visit']);
  });

  it('dates a log without times by its import', () => {
    const [row] = inboxRowsWithNetworkLog([], new Map([logged('anthropic-claude')]), new Map());
    expect(row).toMatchObject({ firstSeen: day(20), lastSeen: day(20) });
  });

  it('adds "network log" to a tool the extensions found too, widening its hosts and dates', () => {
    const [row, ...others] = inboxRowsWithNetworkLog(
      [
        discovery('anthropic-claude', {
          name: 'Claude',
          hosts: ['claude.ai'],
          firstSeen: day(5),
          lastSeen: day(6),
        }),
      ],
      new Map([
        logged('anthropic-claude', {
          hosts: ['api.claude.ai', 'claude.ai'],
          firstSeen: day(1),
          lastSeen: day(3),
        }),
      ]),
      new Map(),
    );
    expect(others).toEqual([]);
    expect(row).toMatchObject({
      reporters: 1,
      howFound: ['visit', 'network log'],
      hosts: ['api.claude.ai', 'claude.ai'],
      firstSeen: day(1),
      lastSeen: day(6),
    });
  });

  it('carries triage and policy status by tool key, for logged tools too', () => {
    const [row] = inboxRowsWithNetworkLog(
      [],
      new Map([logged('anthropic-claude')]),
      new Map([
        ['anthropic-claude', { status: 'banned', guidance: '', updatedBy: 'x', updatedAt: 1 }],
      ]),
      new Map([['anthropic-claude', { state: 'dismissed', reason: 'blocked', by: 'x', at: 1 }]]),
    );
    expect(row).toMatchObject({ status: 'banned', triage: { state: 'dismissed' } });
  });
});
