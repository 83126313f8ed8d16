import { describe, expect, it } from 'vitest';
import type { ReportFlag, ReportTool } from './schema.ts';
import { summariseReport } from './summary.ts';

const DAY = 86_400_000;
const D0 = Date.UTC(2026, 2, 10);

const tool = (over: Partial<ReportTool> = {}): ReportTool => ({
  toolKey: 'chatgpt',
  name: 'ChatGPT',
  category: 'chat-assistant',
  firstSeen: D0,
  lastSeen: D0 + 2 * DAY,
  signals: new Map([['visit', D0 + 2 * DAY]]),
  hosts: new Map([['chatgpt.com', D0 + 2 * DAY]]),
  embeddedIn: new Map(),
  days: new Map([['2026-03-10', 3]]),
  ...over,
});

const flag = (over: Partial<ReportFlag> = {}): ReportFlag => ({
  id: 'f1',
  toolKey: 'chatgpt',
  name: 'ChatGPT',
  purpose: '',
  dataCategories: [],
  note: '',
  createdAt: D0 + DAY,
  ...over,
});

describe('summariseReport', () => {
  it('gives one row per tool with sorted lists', () => {
    const rows = summariseReport({
      tools: [
        tool({
          hosts: new Map([
            ['chatgpt.com', D0],
            ['api.openai.com', D0 + DAY],
          ]),
          signals: new Map([
            ['visit', D0],
            ['api-call', D0],
          ]),
          embeddedIn: new Map([
            ['crm.acme.com', D0],
            ['b.acme.com', D0],
          ]),
        }),
      ],
      flags: [],
    });
    expect(rows).toEqual([
      {
        toolKey: 'chatgpt',
        name: 'ChatGPT',
        category: 'chat-assistant',
        firstSeen: D0,
        lastSeen: D0 + 2 * DAY,
        signals: ['api-call', 'visit'],
        hosts: ['api.openai.com', 'chatgpt.com'],
        embeddedIn: ['b.acme.com', 'crm.acme.com'],
        flagCount: 0,
        purposes: [],
        dataCategories: [],
      },
    ]);
  });

  it('folds flags into their tool row', () => {
    const [row] = summariseReport({
      tools: [tool()],
      flags: [
        flag({ purpose: ' drafting ', dataCategories: ['personal'], host: 'eu.chatgpt.com' }),
        flag({ id: 'f2', purpose: 'drafting', dataCategories: ['customer', 'personal'] }),
        flag({ id: 'f3', purpose: 'coding', createdAt: D0 - DAY }),
      ],
    });
    expect(row).toMatchObject({
      name: 'ChatGPT',
      firstSeen: D0 - DAY,
      lastSeen: D0 + 2 * DAY,
      signals: ['flag', 'visit'],
      hosts: ['chatgpt.com', 'eu.chatgpt.com'],
      flagCount: 3,
      purposes: ['coding', 'drafting'],
      dataCategories: ['customer', 'personal'],
    });
  });

  it('makes a row for a flagged tool never otherwise seen, named by its latest flag', () => {
    const rows = summariseReport({
      tools: [tool()],
      flags: [
        flag({ id: 'a', toolKey: 'host:notes.example', name: 'Notes', createdAt: D0 }),
        flag({ id: 'b', toolKey: 'host:notes.example', name: 'Notes AI', createdAt: D0 + DAY }),
      ],
    });
    expect(rows.map((r) => r.toolKey)).toEqual(['chatgpt', 'host:notes.example']);
    expect(rows[1]).toEqual({
      toolKey: 'host:notes.example',
      name: 'Notes AI',
      category: 'other',
      firstSeen: D0,
      lastSeen: D0 + DAY,
      signals: ['flag'],
      hosts: [],
      embeddedIn: [],
      flagCount: 2,
      purposes: [],
      dataCategories: [],
    });
  });

  it('bounds purposes and hosts to the most recent', () => {
    const flags = Array.from({ length: 30 }, (_, i) =>
      flag({
        id: `f${i}`,
        purpose: `purpose ${String(i).padStart(2, '0')}`,
        createdAt: D0 + i,
        host: `h${i}.chatgpt.com`,
      }),
    );
    const [row] = summariseReport({ tools: [], flags });
    expect(row!.purposes).toHaveLength(20);
    expect(row!.purposes[0]).toBe('purpose 10');
    expect(row!.hosts).toHaveLength(20);
    expect(row!.hosts).not.toContain('h9.chatgpt.com');
  });

  it('is deterministic whatever the order of its input', () => {
    const flags = [flag({ id: 'x', purpose: 'a' }), flag({ id: 'y', purpose: 'b' })];
    const tools = [tool(), tool({ toolKey: 'claude', name: 'Claude' })];
    expect(summariseReport({ tools, flags })).toEqual(
      summariseReport({ tools: [...tools].reverse(), flags: [...flags].reverse() }),
    );
  });
});
