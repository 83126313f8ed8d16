import { afterEach, describe, expect, it } from 'vitest';
import { readProposedConcerns } from '../../shared/documents/discoveries/index.ts';
import { addConcern } from '../../shared/documents/report/index.ts';
import { connectClient, waitFor, type TestClient } from '../helpers/relay-client.ts';
import { startTestServer, type TestServer } from '../helpers/test-server.ts';

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function open(
  relay: TestServer,
  name: string,
  role: 'lead' | 'member',
  reporterId?: string,
): Promise<TestClient> {
  const client = connectClient(relay.syncUrl, name, await relay.token('acme', role, reporterId));
  cleanups.push(() => client.destroy());
  await waitFor(() => client.provider.synced, `sync of ${name}`);
  return client;
}

describe('employees’ concerns reach the leads (docs/incidents.md I9)', () => {
  it('copies a concern written into a report into W/discoveries, pseudonymous unless named', async () => {
    const relay = await startTestServer({});
    cleanups.push(async () => {
      await relay.close();
      relay.remove();
    });
    const employee = await open(relay, 'acme/reports/r1', 'member', 'r1');
    const lead = await open(relay, 'acme/discoveries', 'lead');
    const at = Date.UTC(2027, 0, 5, 10);
    addConcern(employee.doc, {
      id: 'c1',
      host: 'chatgpt.com',
      toolKey: 'openai-chatgpt',
      toolName: 'ChatGPT',
      what: 'It invented a refund policy for a customer',
      createdAt: at,
    });
    await waitFor(() => readProposedConcerns(lead.doc).length === 1, 'the concern', 10_000);
    expect(readProposedConcerns(lead.doc)).toEqual([
      {
        key: 'r1.c1',
        reporterId: 'r1',
        id: 'c1',
        host: 'chatgpt.com',
        toolKey: 'openai-chatgpt',
        toolName: 'ChatGPT',
        what: 'It invented a refund policy for a customer',
        createdAt: at,
      },
    ]);
  });
});
