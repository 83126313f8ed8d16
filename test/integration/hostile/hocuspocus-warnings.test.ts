import { afterEach, describe, expect, it, vi } from 'vitest';
import { hocuspocusLimit } from '../../../server/relay/hocuspocus-warnings.ts';
import { startTestServer } from '../../helpers/test-server.ts';
import { frames, rawSocket } from './attacker.ts';

/**
 * H15 for the lines Hocuspocus writes itself: each connection it closes for a limit of its own
 * (documents awaiting authentication, messages queued before it) was one console.warn line naming
 * the stranger's document, so many such sockets flooded the log. They go through the relay's
 * limiter: one line, then one count a minute. The lines below are Hocuspocus 4.7.0's
 * (`ClientConnection.handleMessage`), as it writes them.
 */
const PENDING =
  'Hocuspocus: closing connection 3f1c: too many pending unauthenticated documents (maxPendingDocuments 100). Last requested document: "x".';
const QUEUE =
  'Hocuspocus: closing connection 3f1c: unauthenticated message queue length limit exceeded for "x" (1001 > maxUnauthenticatedQueueMessages 1000).';

describe('Hocuspocus limit lines, through the relay limiter (H15)', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('knows its limit lines by their fixed phrase, and no other line', () => {
    expect(hocuspocusLimit(PENDING)).toBe('too many documents pending authentication');
    expect(hocuspocusLimit(QUEUE)).toBe('too much sent before authenticating');
    expect(hocuspocusLimit('Hocuspocus: something else')).toBeUndefined();
    expect(hocuspocusLimit({})).toBeUndefined();
  });

  it('twelve sockets over the pending-documents limit write one line and one count, not twelve', async () => {
    const lines: string[] = [];
    const warned = vi
      .spyOn(console, 'warn')
      .mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')));
    cleanups.push(() => warned.mockRestore());
    const server = await startTestServer({ limits: { maxDocumentsPerConnection: 4 } });
    let closed = false;
    cleanups.push(async () => {
      if (!closed) await server.close();
      server.remove();
    });
    const opened: WebSocket[] = [];
    cleanups.push(() => opened.forEach((socket) => socket.close()));
    const codes = await Promise.all(
      Array.from({ length: 12 }, async () => {
        const raw = await rawSocket(server.syncUrl, opened);
        // Sync frames for nine documents, none authenticated: twice the limit (4) and one more.
        for (let d = 0; d < 9; d++)
          raw.send(frames.update(`acme/assessment/d${d}`, new Uint8Array([0, 0])));
        return raw.closed;
      }),
    );
    expect(codes).toHaveLength(12);
    await server.close();
    closed = true;
    const text = lines.join('\n');
    expect(text).not.toContain('Hocuspocus: closing connection');
    expect(text).not.toContain('acme/assessment');
    const about = lines.filter((line) =>
      line.includes('too many documents pending authentication'),
    );
    expect(about).toEqual([
      'relay: refused connections Hocuspocus closed: too many documents pending authentication',
      'relay: refused connections Hocuspocus closed again within a minute: 11 × too many documents pending authentication',
    ]);
    // Other lines still go out as they are.
    console.warn('an unrelated warning');
    expect(lines.at(-1)).toBe('an unrelated warning');
  });
});
