import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readPolicy } from './read.ts';
import { SETTINGS, STATUSES, TOOLS, type ToolStatus } from './schema.ts';
import { setSettings } from './settings.ts';
import { setStatus } from './statuses.ts';
import { removeWorkspaceTool, setWorkspaceTool } from './tools.ts';

const AT = Date.UTC(2026, 2, 10, 12);
const banned: ToolStatus = {
  status: 'banned',
  guidance: 'Customer data must not leave the EU.',
  alternative: 'copilot',
  updatedBy: 'lead-1',
  updatedAt: AT,
};
const notesTool = {
  id: 'notes-ai',
  name: 'Notes AI',
  hosts: ['notes-ai.example'],
  facts: { headquarters: { value: 'DE', source: 'https://notes-ai.example/imprint' } },
};

function aPolicy(): Y.Doc {
  const doc = new Y.Doc();
  setStatus(doc, 'deepseek', banned);
  setStatus(doc, 'chatgpt', {
    status: 'approved',
    guidance: '',
    updatedBy: 'lead-2',
    updatedAt: AT,
  });
  setWorkspaceTool(doc, notesTool);
  setSettings(doc, { workspaceName: 'Acme', attributedReporting: true });
  return doc;
}

function sync(from: Y.Doc): Y.Doc {
  const to = new Y.Doc();
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
  return to;
}

describe('policy document', () => {
  it('reads back identically on another replica', () => {
    const doc = aPolicy();
    const policy = readPolicy(doc);
    expect(policy).toEqual({
      schemaVersion: 1,
      statuses: new Map([
        ['chatgpt', { status: 'approved', guidance: '', updatedBy: 'lead-2', updatedAt: AT }],
        ['deepseek', banned],
      ]),
      tools: [
        {
          ...notesTool,
          vendor: 'Unknown',
          category: 'other',
          apiHosts: [],
          extensionIds: [],
        },
      ],
      settings: { workspaceName: 'Acme', attributedReporting: true },
      problems: [],
    });
    expect(readPolicy(sync(doc))).toEqual(policy);
  });

  it('defaults to no statuses, no tools and attributed reporting off', () => {
    expect(readPolicy(new Y.Doc())).toEqual({
      schemaVersion: 0,
      statuses: new Map(),
      tools: [],
      settings: { attributedReporting: false },
      problems: [],
    });
  });

  it('writes only what changes', () => {
    const doc = aPolicy();
    let updates = 0;
    doc.on('update', () => updates++);
    setStatus(doc, 'deepseek', banned);
    setWorkspaceTool(doc, notesTool);
    setSettings(doc, { attributedReporting: true });
    expect(updates).toBe(0);
    const changed: string[] = [];
    doc.getMap(STATUSES).observeDeep((events) => {
      for (const event of events) for (const key of event.keys.keys()) changed.push(key);
    });
    setStatus(doc, 'deepseek', { ...banned, alternative: undefined, updatedAt: AT + 1 });
    expect(changed.sort()).toEqual(['alternative', 'updatedAt']);
  });

  it('merges two leads editing different tools at once', () => {
    const a = aPolicy();
    const b = sync(a);
    setStatus(a, 'chatgpt', { ...banned, guidance: 'from a' });
    setStatus(b, 'deepseek', { ...banned, guidance: 'from b' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readPolicy(a).statuses.get('chatgpt')?.guidance).toBe('from a');
    expect(readPolicy(a).statuses.get('deepseek')?.guidance).toBe('from b');
    expect(readPolicy(b)).toEqual(readPolicy(a));
  });

  it('removes a workspace tool', () => {
    const doc = aPolicy();
    expect(removeWorkspaceTool(doc, 'notes-ai')).toBe(true);
    expect(removeWorkspaceTool(doc, 'notes-ai')).toBe(false);
    expect(readPolicy(doc).tools).toEqual([]);
  });

  it('refuses bad input and changes nothing', () => {
    const doc = new Y.Doc();
    expect(() => setStatus(doc, 'Not a key', banned)).toThrow(/tool key/);
    expect(() => setStatus(doc, 'x', { ...banned, status: 'tolerated' as 'banned' })).toThrow(
      /status/,
    );
    expect(() => setStatus(doc, 'x', { ...banned, guidance: 'g'.repeat(2001) })).toThrow(
      /guidance/,
    );
    expect(() => setWorkspaceTool(doc, { id: 'x', name: 'X' })).toThrow(/needs a host/);
    expect(() => setWorkspaceTool(doc, { ...notesTool, hosts: ['https://x.com/'] })).toThrow(
      /hosts\.0/,
    );
    expect(() => setSettings(doc, { workspaceName: '' })).toThrow(/workspaceName/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(Y.encodeStateAsUpdate(new Y.Doc()));
  });

  it('skips and reports hostile content, keeping the rest', () => {
    const doc = sync(aPolicy());
    const statuses = doc.getMap<unknown>(STATUSES);
    statuses.set('x', 42);
    (statuses.get('chatgpt') as Y.Map<unknown>).set('status', 'tolerated');
    (statuses.get('deepseek') as Y.Map<unknown>).set('updatedAt', 'yesterday');
    const tools = doc.getMap<unknown>(TOOLS);
    const bad = new Y.Map<unknown>();
    tools.set('bad-tool', bad);
    bad.set('name', 'Bad');
    bad.set('hosts', new Y.Array());
    const huge = new Y.Map<unknown>();
    tools.set('huge', huge);
    huge.set('name', 'Huge');
    huge.set(
      'hosts',
      Array.from({ length: 100_000 }, (_, i) => `h${i}.example.com`),
    );
    tools.set('Not An Id', new Y.Map());
    doc.getMap<unknown>(SETTINGS).set('attributedReporting', 'yes');
    const policy = readPolicy(doc);
    expect([...policy.statuses.keys()]).toEqual(['deepseek']);
    expect(policy.statuses.get('deepseek')?.updatedAt).toBe(0);
    expect(policy.tools.map((t) => t.id)).toEqual(['notes-ai']);
    expect(policy.settings).toEqual({ workspaceName: 'Acme', attributedReporting: false });
    expect(policy.problems).toHaveLength(8);
    expect(policy.problems.slice(0, 4)).toEqual([
      'statuses.chatgpt.status: expected one of approved, restricted, banned, unreviewed',
      'statuses.chatgpt: no readable status; skipped',
      'statuses.deepseek.updatedAt: expected a number, got a string',
      'statuses.x: expected a map, got 42; skipped',
    ]);
    expect(policy.problems[4]).toMatch(/^tools."Not An Id": id: /);
    expect(policy.problems[5]).toMatch(/^tools.bad-tool: hosts: Invalid type/);
    expect(policy.problems[6]).toBe('tools.huge.hosts: more than 200 items; skipped');
    expect(policy.problems[7]).toBe(
      'settings.attributedReporting: expected true or false, got a string',
    );
  });
});
