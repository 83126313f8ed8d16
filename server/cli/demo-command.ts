import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { TokenService } from '../auth/token-service.ts';
import { seedDemo } from '../demo/seed-demo.ts';
import { DEFAULT_LIMITS } from '../relay/rate-limit.ts';
import { createRelay } from '../relay/relay.ts';
import { SqliteRelayStorage } from '../storage/sqlite-relay-storage.ts';
import type { CliIo } from './run-cli.ts';
import { DEFAULT_PORT, DEMO_WORKSPACE } from './serve-command.ts';

const DEMO_LEAD = 'demo lead';
const DEMO_LEAD_TTL_MS = 30 * 86_400_000;

/**
 * `sightline demo [--data DIR]`: fills the demo workspace as `serve --demo` does before serving,
 * through the relay's own code (no port is opened), and exits. A second run changes nothing: the
 * workspace is seeded once, and a demo lead token is minted only when none is still valid — and
 * only when stdout is a terminal, where its link can be read (never into a log or a pipe).
 */
export async function demoCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { data: { type: 'string', default: '.sightline' } },
    strict: true,
    allowPositionals: false,
  });
  const dataDir = resolve(values.data);
  const storage = new SqliteRelayStorage(dataDir);
  const tokenStore = storage.tokens;
  const tokens = new TokenService(await storage.signingSecret(), tokenStore);
  // Every document the relay loads, so that none outlives the command (see below).
  const loaded = new Set<{ destroy(): void }>();
  const relay = createRelay({
    storage,
    tokens,
    limits: DEFAULT_LIMITS,
    extensions: [
      {
        extensionName: 'demo-command-documents',
        async afterLoadDocument({ document }) {
          loaded.add(document);
        },
      },
    ],
  });
  try {
    const now = Date.now();
    const result = await seedDemo(relay.hocuspocus, { workspace: DEMO_WORKSPACE, now });
    io.out(
      result.seeded
        ? `Filled workspace ${DEMO_WORKSPACE} in ${dataDir}: ${result.reports} reports, the registry, risks, the SoA and two assessments.`
        : `Workspace ${DEMO_WORKSPACE} in ${dataDir} is filled already: nothing changed.`,
    );
    const valid = (await tokenStore.list(DEMO_WORKSPACE)).find(
      (t) => t.label === DEMO_LEAD && t.revokedAt === null && t.expiresAt > now,
    );
    const another = `npm run -s sightline -- token --workspace ${DEMO_WORKSPACE} --role lead --data ${values.data}`;
    if (valid) {
      io.out(`A demo lead token is still valid (id ${valid.id}); another: ${another}`);
    } else if (io.stdoutIsTty) {
      const lead = await tokens.mint({
        workspace: DEMO_WORKSPACE,
        role: 'lead',
        ttlMs: DEMO_LEAD_TTL_MS,
        kind: 'cli',
        label: DEMO_LEAD,
      });
      io.out(
        `Demo lead (valid 30 days): serve, then open http://localhost:${DEFAULT_PORT}/#/join?workspace=${DEMO_WORKSPACE}&token=${lead.token}`,
      );
    } else {
      io.out(`No demo lead token minted (stdout is not a terminal); make one with: ${another}`);
    }
    return 0;
  } finally {
    await relay.close();
    // Every update is on disk when it is applied (docs/sync.md S1); a document unloaded without
    // its awareness stopped would only keep this process alive with the awareness's timer.
    for (const document of loaded) document.destroy();
    await storage.close();
  }
}
