import { describe, expect, it } from 'vitest';
import type { ToolEntry } from '../../shared/catalog/schema.ts';
import {
  syncWorkspaceBanners,
  WORKSPACE_BANNER_ID,
  type ScriptingLike,
} from './workspace-banners.ts';

const tool = (id: string, hosts: string[]): ToolEntry => ({
  id,
  name: id,
  vendor: 'Acme',
  category: 'other',
  hosts,
  apiHosts: [],
  extensionIds: [],
  facts: {},
});

function fakeScripting() {
  const registered = new Map<string, string[]>();
  let registrations = 0;
  const scripting: ScriptingLike = {
    getRegisteredContentScripts: async ({ ids }) =>
      ids.filter((id) => registered.has(id)).map((id) => ({ id, matches: registered.get(id)! })),
    registerContentScripts: async (scripts) => {
      for (const script of scripts) {
        if (registered.has(script.id)) throw new Error('duplicate script id');
        registered.set(script.id, script.matches);
        registrations++;
      }
    },
    unregisterContentScripts: async ({ ids }) => ids.forEach((id) => registered.delete(id)),
  };
  return { scripting, registered, registrations: () => registrations };
}

describe('banners on the workspace’s own tools', () => {
  it('registers the banner for the hosts the employee gave access to, and only those', async () => {
    const { scripting, registered } = fakeScripting();
    const permissions = {
      contains: async ({ origins }: { origins: string[] }) =>
        origins[0] !== '*://*.secret-lab.example/*',
    };
    const patterns = await syncWorkspaceBanners(
      [tool('acme-llm', ['llm.acme.example']), tool('lab', ['secret-lab.example'])],
      scripting,
      permissions,
    );
    expect(patterns).toEqual(['*://*.llm.acme.example/*']);
    expect(registered.get(WORKSPACE_BANNER_ID)).toEqual(['*://*.llm.acme.example/*']);
  });

  it('re-registers when the tools change, leaves an unchanged list alone, and unregisters when none remain', async () => {
    const { scripting, registered, registrations } = fakeScripting();
    const all = { contains: async () => true };
    await syncWorkspaceBanners([tool('a', ['a.example'])], scripting, all);
    await syncWorkspaceBanners([tool('a', ['a.example'])], scripting, all);
    expect(registrations()).toBe(1);
    await syncWorkspaceBanners(
      [tool('a', ['a.example']), tool('b', ['b.example'])],
      scripting,
      all,
    );
    expect(registered.get(WORKSPACE_BANNER_ID)).toEqual(['*://*.a.example/*', '*://*.b.example/*']);
    await syncWorkspaceBanners([], scripting, all);
    expect(registered.has(WORKSPACE_BANNER_ID)).toBe(false);
  });
});
