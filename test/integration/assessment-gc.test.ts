import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { useTestServer } from '../helpers/test-server.ts';

describe('the relay keeps what an assessment’s versions need (docs/assessments.md)', () => {
  const testServer = useTestServer();

  it('holds assessments without garbage collection, so a snapshot before a deletion restores', async () => {
    const server = testServer();
    const connection = await server.hocuspocus.openDirectConnection('acme/assessment/a1', {});
    const doc = connection.document!;
    expect(doc.gc).toBe(false);
    await connection.transact((d) => d.getText('section:purpose').insert(0, 'Screens CVs'));
    const before = Y.snapshot(doc);
    await connection.transact((d) => d.getText('section:purpose').delete(0, 7));
    const restored = Y.createDocFromSnapshot(doc, before);
    expect(restored.getText('section:purpose').toString()).toBe('Screens CVs');
    await connection.disconnect();

    const registry = await server.hocuspocus.openDirectConnection('acme/registry', {});
    expect(registry.document!.gc).toBe(true);
    await registry.disconnect();
  });
});
