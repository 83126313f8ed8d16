import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { setAccountDomains } from '../../shared/documents/policy/index.ts';
import { ACCOUNTS, readAccountKinds } from '../../shared/documents/report/index.ts';
import { memoryKeyValueStore } from '../platform/key-value-store.ts';
import { AccountKinds } from './account-kinds.ts';

const at = Date.UTC(2026, 11, 7, 10);

describe('corporate or personal account: only the kind leaves the comparison', () => {
  it('keeps the kind per tool and never the address, in storage or in the report', async () => {
    const storage = memoryKeyValueStore();
    const kinds = new AccountKinds(storage, () => at);
    const policy = new Y.Doc();
    setAccountDomains(policy, ['acme.com']);
    const report = new Y.Doc();

    expect(await kinds.note(policy, 'openai-chatgpt', 'ana.lopez@acme.com')).toBe('corporate');
    expect(await kinds.note(policy, 'anthropic-claude', 'ana.private@gmail.com')).toBe('personal');
    expect(await kinds.note(undefined, 'google-gemini', 'ana.lopez@acme.com')).toBe('unknown');
    const stored = JSON.stringify(storage.snapshot());
    expect(await kinds.flushInto(report)).toBe(3);

    expect(readAccountKinds(report)).toEqual(
      new Map([
        ['openai-chatgpt', { corporate: '2026-12-07' }],
        ['anthropic-claude', { personal: '2026-12-07' }],
        ['google-gemini', { unknown: '2026-12-07' }],
      ]),
    );
    const shared =
      JSON.stringify(report.getMap(ACCOUNTS).toJSON()) + JSON.stringify(report.toJSON());
    for (const dump of [stored, shared, JSON.stringify(storage.snapshot())]) {
      expect(dump).not.toMatch(/ana|lopez|private|@|acme\.com|gmail/);
    }
  });
});
