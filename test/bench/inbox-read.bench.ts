import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { discoveriesReader } from '../../shared/documents/discoveries/index.ts';
import { readPolicy } from '../../shared/documents/policy/index.ts';
import { registryIndexReader, registryReader } from '../../shared/documents/registry/index.ts';
import { LARGE, seedWorkspace } from './pwa-bench-workspace.ts';
import { median, round2 } from './sync-bench-helpers.ts';

const RUNS = 5;

/** The workspace's documents as this device stores them: one Yjs update each. */
async function storedWorkspace() {
  const docs = new Map<string, Y.Doc>();
  // seedWorkspace writes through the relay's direct connections; here straight into Y.Docs.
  const hocuspocus = {
    openDirectConnection: async (name: string) => {
      const doc = docs.get(name) ?? new Y.Doc();
      docs.set(name, doc);
      return {
        transact: async (edit: (d: Y.Doc) => void) => doc.transact(() => edit(doc)),
        disconnect: async () => {},
      };
    },
  } as unknown as Hocuspocus;
  await seedWorkspace(hocuspocus, 'bench', LARGE, Date.UTC(2026, 10, 30, 12));
  const stored = (kind: string) => Y.encodeStateAsUpdate(docs.get(`bench/${kind}`)!);
  const v2 = (kind: string) => Y.encodeStateAsUpdateV2(docs.get(`bench/${kind}`)!);
  return {
    discoveries: stored('discoveries'),
    registry: stored('registry'),
    policy: stored('policy'),
    v2: { discoveries: v2('discoveries'), registry: v2('registry'), policy: v2('policy') },
  };
}

/** CPU milliseconds (this process, user + system) that `work` takes: robust on a busy machine. */
function cpuMs(work: () => void): number {
  const before = process.cpuUsage();
  work();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * The main-thread work of opening the inbox on the workspace (5,000 records, 20,000
 * discoveries), in CPU time: decoding the stored Yjs updates, then reading what the inbox shows —
 * the registry's names, tools and triage (registryIndexReader), against reading every record in
 * full (registryReader, what the inbox read before) in the same run.
 */
export default {
  name: 'inbox-read',
  async run(): Promise<Record<string, unknown>> {
    const stored = await storedWorkspace();
    const samples = {
      decodeMs: [] as number[],
      decodeV2Ms: [] as number[],
      discoveriesMs: [] as number[],
      registryIndexMs: [] as number[],
      registryFullMs: [] as number[],
    };
    for (let run = 0; run < RUNS; run++) {
      const docs = { discoveries: new Y.Doc(), registry: new Y.Doc(), policy: new Y.Doc() };
      samples.decodeMs.push(
        cpuMs(() => {
          for (const kind of ['discoveries', 'registry', 'policy'] as const)
            Y.applyUpdate(docs[kind], stored[kind]);
        }),
      );
      // The same documents from Yjs's v2 update format: what a v2 local copy would take.
      const inV2 = { discoveries: new Y.Doc(), registry: new Y.Doc(), policy: new Y.Doc() };
      samples.decodeV2Ms.push(
        cpuMs(() => {
          for (const kind of ['discoveries', 'registry', 'policy'] as const)
            Y.applyUpdateV2(inV2[kind], stored.v2[kind]);
        }),
      );
      samples.discoveriesMs.push(
        cpuMs(() => {
          discoveriesReader(docs.discoveries).read();
          readPolicy(docs.policy);
        }),
      );
      samples.registryIndexMs.push(cpuMs(() => registryIndexReader(docs.registry).read()));
      samples.registryFullMs.push(cpuMs(() => registryReader(docs.registry).read()));
    }
    const result = Object.fromEntries(
      Object.entries(samples).map(([name, values]) => [name, round2(median(values))]),
    );
    return {
      workspace: LARGE,
      storedBytes: {
        discoveries: stored.discoveries.byteLength,
        registry: stored.registry.byteLength,
        policy: stored.policy.byteLength,
        v2:
          stored.v2.discoveries.byteLength +
          stored.v2.registry.byteLength +
          stored.v2.policy.byteLength,
      },
      ...result,
      registryRatio: round2(result.registryIndexMs! / result.registryFullMs!),
    };
  },
};
