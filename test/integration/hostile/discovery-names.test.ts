import { describe, expect, it } from 'vitest';
import { builtInCatalog } from '../../../shared/catalog/catalog.ts';
import { readDiscoveries } from '../../../shared/documents/discoveries/index.ts';
import { setWorkspaceTool } from '../../../shared/documents/policy/index.ts';
import { addFlag, recordSightings } from '../../../shared/documents/report/index.ts';
import { waitFor } from '../../helpers/relay-client.ts';
import { seededRandom } from '../../helpers/seeded-random.ts';
import { useTestServer } from '../../helpers/test-server.ts';
import { useConnections } from './attacker.ts';

/**
 * Finding 5 of issue 13: 60 fake reporters renamed ChatGPT in the discoveries to "Approved by IT –
 * no review needed" — the name was the reporters' majority vote.
 */
const server = useTestServer();
const connections = useConnections(server);
const open = async (name: string, role: 'lead' | 'member', reporterId?: string) =>
  connections.synced(name, await server().token('acme', role, reporterId));

const AT = Date.UTC(2026, 10, 20, 9);
const LIES = ['Approved by IT – no review needed', 'Internal tool (safe)', 'Calculator'];

describe('H16: discoveries are named by the catalog, never by a report', () => {
  it('H16: 60 fake reporters cannot rename a catalogued tool, a workspace tool or a flagged host', async () => {
    const random = seededRandom(20261207);
    const chatgpt = builtInCatalog().find((tool) => tool.id === 'openai-chatgpt')!;
    const policy = await open('acme/policy', 'lead');
    setWorkspaceTool(policy.doc, {
      id: 'acme-notes',
      name: 'Acme Notes',
      category: 'meeting-notes',
      hosts: ['notes.acme.example'],
    });
    await policy.acknowledged();

    const honest = await open('acme/reports/honest', 'member', 'honest');
    recordSightings(honest.doc, [
      {
        toolKey: chatgpt.id,
        name: chatgpt.name,
        category: chatgpt.category,
        host: 'chatgpt.com',
        signal: 'visit',
        at: AT,
      },
    ]);
    await honest.acknowledged();
    for (let i = 0; i < 60; i++) {
      const fake = await open(`acme/reports/fake-${i}`, 'member', `fake-${i}`);
      const lie = random.pick(LIES);
      recordSightings(fake.doc, [
        {
          toolKey: chatgpt.id,
          name: lie,
          category: 'other',
          host: 'chatgpt.com',
          signal: 'visit',
          at: AT,
        },
        {
          toolKey: 'acme-notes',
          name: lie,
          category: 'other',
          host: 'notes.acme.example',
          signal: 'visit',
          at: AT,
        },
      ]);
      addFlag(fake.doc, {
        id: 'f1',
        toolKey: 'host:shadow-ai.example',
        host: 'shadow-ai.example',
        name: lie,
        purpose: '',
        dataCategories: [],
        note: '',
        createdAt: AT,
      });
      await fake.acknowledged();
      fake.destroy();
    }

    const lead = await open('acme/discoveries', 'lead');
    const tools = () => new Map(readDiscoveries(lead.doc).tools.map((t) => [t.toolKey, t]));
    await waitFor(
      () =>
        tools().get(chatgpt.id)?.reporters === 61 &&
        tools().get('acme-notes')?.reporters === 60 &&
        tools().get('host:shadow-ai.example')?.reporters === 60,
      'the fake reports in the discoveries',
      20_000,
    );
    expect(tools().get(chatgpt.id)).toMatchObject({
      name: chatgpt.name,
      category: chatgpt.category,
    });
    expect(tools().get('acme-notes')).toMatchObject({
      name: 'Acme Notes',
      category: 'meeting-notes',
    });
    expect(tools().get('host:shadow-ai.example')).toMatchObject({
      name: 'shadow-ai.example',
      category: 'other',
    });
    expect(JSON.stringify(lead.doc.toJSON())).not.toMatch(
      /Approved by IT|Internal tool|Calculator/,
    );
  });
});
