import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../../shared/auth/access.ts';
import { startServer, type RunningServer, type ServerOptions } from '../../server/http/server.ts';
import { tempDir } from './temp-dir.ts';

export interface TestServer extends RunningServer {
  dataDir: string;
  /** Mints a token straight from the server's own token service. */
  token(workspace: string, role: Role, reporterId?: string): Promise<string>;
}

/** A real relay on a free loopback port with its own data folder; `close` removes the folder unless kept. */
export async function startTestServer(
  options: Partial<ServerOptions> & { dataDir?: string } = {},
): Promise<TestServer & { remove(): void }> {
  const dir = options.dataDir ? undefined : tempDir();
  const dataDir = options.dataDir ?? dir!.path;
  const server = await startServer({
    port: 0,
    pwaDir: join(dataDir, 'no-pwa'),
    ...options,
    dataDir,
  });
  return {
    ...server,
    dataDir,
    async token(workspace, role, reporterId) {
      const minted = await server.tokens.mint({
        workspace,
        role,
        ttlMs: 3_600_000,
        ...(reporterId ? { reporterId } : {}),
      });
      return minted.token;
    },
    remove: () => dir?.remove(),
  };
}

/**
 * One test server for the enclosing suite: started in a beforeAll, closed and its folder removed
 * in an afterAll. Returns the server's getter, for the suite's tests and later hooks.
 */
export function useTestServer(
  options: Partial<ServerOptions> & { dataDir?: string } = {},
): () => TestServer {
  let server: (TestServer & { remove(): void }) | undefined;
  beforeAll(async () => {
    server = await startTestServer(options);
  });
  afterAll(async () => {
    await server?.close();
    server?.remove();
  });
  return () => {
    if (!server)
      throw new Error('the test server is not started yet: use it in a test or a later hook');
    return server;
  };
}
