import { Worker } from 'node:worker_threads';
import * as Y from 'yjs';
import { waitFor } from '../helpers/relay-client.ts';
import type { IdleClientsData } from './sync-idle-clients.ts';
import { settledHeapUsed, withRelay, type BenchServer } from './sync-bench-helpers.ts';

const DOCUMENTS = 500;
const names = Array.from({ length: DOCUMENTS }, (_, i) => `acme/assessment/b${i}`);

/** A small assessment: a few fields and a paragraph of notes, about 600 bytes encoded. */
function fillAssessment(doc: Y.Doc, i: number) {
  const fields = doc.getMap<unknown>('assessment');
  fields.set('title', `Impact assessment of AI system ${i}`);
  fields.set('system', `rec-${i}`);
  fields.set('owner', `Owner ${i % 40}`);
  fields.set('status', 'draft');
  fields.set('risk', ['minimal', 'limited', 'high'][i % 3]);
  fields.set('createdAt', Date.UTC(2026, 2, 1) + i * 60_000);
  doc
    .getText('notes')
    .insert(
      0,
      `System ${i} drafts replies to customer emails. Personal data: names and addresses. ` +
        'Human review before sending; logs kept 30 days; vendor under a data processing agreement. ' +
        'Residual risk accepted by the owner pending the annual review.',
    );
}

/** Heap growth per document while `hold` keeps DOCUMENTS documents open, then releases them. */
async function heapPerDocument(open: () => Promise<() => Promise<void>>): Promise<number> {
  const before = await settledHeapUsed();
  const release = await open();
  const after = await settledHeapUsed();
  await release();
  return Math.round((after - before) / DOCUMENTS);
}

async function allUnloaded(server: BenchServer) {
  await waitFor(
    () => server.hocuspocus.getDocumentsCount() === 0,
    () => `documents unloaded (${server.hocuspocus.getDocumentsCount()} still open)`,
    30_000,
  );
}

/** Every document held open by a server-side direct connection: the document's cost alone. */
async function directConnections(server: BenchServer) {
  const connections = await Promise.all(
    names.map((name) => server.hocuspocus.openDirectConnection(name, { bench: true })),
  );
  return async () => {
    await Promise.all(connections.map((connection) => connection.disconnect()));
    await allUnloaded(server);
  };
}

/** Every document held open by its own connected client (in a worker thread: its own heap). */
async function connectedClients(server: BenchServer) {
  const data: IdleClientsData = {
    syncUrl: server.syncUrl,
    token: await server.token('acme', 'lead'),
    names,
  };
  const worker = new Worker(new URL('./sync-idle-clients.ts', import.meta.url), {
    workerData: data,
  });
  const next = () =>
    new Promise<void>((resolve, reject) => {
      worker.once('message', () => resolve());
      worker.once('error', reject);
    });
  try {
    await next();
    await waitFor(() => server.hocuspocus.getConnectionsCount() === DOCUMENTS, 'connections');
  } catch (error) {
    await worker.terminate();
    throw error;
  }
  return async () => {
    const closed = next();
    worker.postMessage('close');
    await closed;
    await worker.terminate();
    await allUnloaded(server);
  };
}

/**
 * Relay memory per idle document: 500 small assessments open on the relay and nothing happening.
 * Measured as the relay's V8 heap after a full collection, before and while they are open: held by
 * direct connections (the document alone) and by one connected client each (with its connection;
 * the clients run in a worker thread, whose heap is its own). The baseline is the same content as
 * bare Y.Docs in memory.
 */
export default {
  name: 'sync-idle-memory',
  async run() {
    const gcExposed = typeof globalThis.gc === 'function';
    const baselineBytesPerYDoc = await heapPerDocument(async () => {
      const docs = names.map((_, i) => {
        const doc = new Y.Doc();
        fillAssessment(doc, i);
        return doc;
      });
      return async () => docs.forEach((doc) => doc.destroy());
    });
    return withRelay({}, async (server) => {
      // Store the documents first, so that opening them below loads them as after a restart.
      for (const [i, name] of names.entries()) {
        const connection = await server.hocuspocus.openDirectConnection(name, { bench: true });
        await connection.transact((doc) => fillAssessment(doc, i));
        await connection.disconnect();
      }
      await allUnloaded(server);
      // Each way once untimed, so that what the relay allocates only once (compiled code, caches)
      // is not counted as the documents'.
      await (
        await directConnections(server)
      )();
      await (
        await connectedClients(server)
      )();
      const bytesPerDocument = await heapPerDocument(() => directConnections(server));
      const bytesPerConnectedDocument = await heapPerDocument(() => connectedClients(server));
      return {
        documents: DOCUMENTS,
        bytesPerDocument,
        bytesPerConnectedDocument,
        baselineBytesPerYDoc,
        gcExposed,
      };
    });
  },
};
