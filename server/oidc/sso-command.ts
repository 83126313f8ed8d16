import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as Y from 'yjs';
import {
  isPersonRole,
  mapGroup,
  PERSON_ROLES,
  readGroupMappings,
  readPeople,
  unmapGroup,
} from '../../shared/documents/admin/sso.ts';
import { formatDocumentName, isValidSegment } from '../../shared/documents/names.ts';
import { TokenService } from '../auth/token-service.ts';
import { storageOptions, withStorage } from '../cli/cli-storage.ts';
import type { CliIo } from '../cli/run-cli.ts';
import { openStoredDocuments } from '../cli/stored-documents.ts';
import { UsageError } from '../cli/usage-error.ts';
import type { RelayStorage } from '../storage/relay-storage.ts';
import { servingRelays } from '../storage/relay-lock.ts';

/**
 * `sightline sso map|unmap|list` (docs/sync.md SSO2, docs/deploy.md "Single sign-on"): which of the
 * identity provider's groups give which role in a workspace, and who signed in. Like `webhook`:
 * while a relay serves the folder a change goes through its admin API (a 5-minute admin token,
 * revoked after), so running relays use it at the next sign-in; otherwise it is appended to the
 * stored `W/admin` document. With `--database`, only `list`: a change goes through a relay.
 */
export async function ssoCommand(args: string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  const { values } = parseArgs({
    args: rest,
    options: {
      ...storageOptions,
      workspace: { type: 'string' },
      group: { type: 'string' },
      role: { type: 'string' },
    },
    strict: true,
  });
  const workspace = values.workspace;
  if (!isValidSegment(workspace)) throw new UsageError('--workspace W is required');
  const dataDir = resolve(values.data);
  if (verb === 'list') return list(dataDir, values.database, workspace, io);
  if (verb !== 'map' && verb !== 'unmap') throw new UsageError('sso takes map, unmap or list');
  const group = values.group;
  if (!group)
    throw new UsageError(`sso ${verb} needs --group G (as the identity provider names it)`);
  const role = verb === 'map' ? values.role : null;
  if (verb === 'map' && !isPersonRole(role))
    throw new UsageError(`sso map needs --role ${PERSON_ROLES.join('|')}`);
  if (values.database !== undefined)
    throw new UsageError(
      `sso ${verb} with --database goes through a running relay: Settings → Single sign-on, or POST /api/sso/groups; 'sso list --database' reads the mappings`,
    );
  return withStorage(
    values,
    async (storage) => {
      const relay = servingRelays(dataDir)[0];
      if (relay) return throughRelay(relay.url, storage, workspace, group, role ?? null, io);
      const store = storage.documents('main');
      const name = formatDocumentName({ workspace, kind: 'admin' });
      const doc = new Y.Doc();
      const stored = await store.load(name);
      if (stored.length > 0) Y.applyUpdate(doc, Y.mergeUpdates(stored));
      const updates: Uint8Array[] = [];
      doc.on('update', (update: Uint8Array) => updates.push(update));
      try {
        if (isPersonRole(role)) mapGroup(doc, group, role);
        else if (!unmapGroup(doc, group)) {
          io.err(`sightline: ${group} has no role in ${workspace}`);
          return 1;
        }
      } catch (error) {
        throw new UsageError((error as Error).message);
      }
      if (updates.length > 0)
        await store.appendMany(updates.map((update) => ({ document: name, update })));
      io.out(
        role ? `${group} → ${role} in ${workspace}` : `${group} gives no role in ${workspace}`,
      );
      return 0;
    },
    { existing: true },
  );
}

async function throughRelay(
  url: string,
  storage: RelayStorage,
  workspace: string,
  group: string,
  role: string | null,
  io: CliIo,
): Promise<number> {
  const tokens = new TokenService(await storage.signingSecret(), storage.tokens);
  const admin = await tokens.mint({
    workspace,
    role: 'admin',
    ttlMs: 300_000,
    kind: 'cli',
    label: 'sightline sso',
  });
  try {
    const response = await fetch(`${url}/api/sso/groups`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${admin.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ group, role }),
    });
    const body = (await response.json()) as Record<string, unknown>;
    if (!response.ok) {
      io.err(`sightline: the relay at ${url} refused: ${String(body.error)}`);
      return 1;
    }
    io.out(role ? `${group} → ${role} in ${workspace}` : `${group} gives no role in ${workspace}`);
    return 0;
  } finally {
    await tokens.revoke(admin.id);
  }
}

/** The group mappings, then everyone who signed in (pending first). */
async function list(
  dataDir: string,
  database: string | undefined,
  workspace: string,
  io: CliIo,
): Promise<number> {
  const stored = await openStoredDocuments(dataDir, database, workspace);
  try {
    const doc = stored.load(formatDocumentName({ workspace, kind: 'admin' }));
    const groups = readGroupMappings(doc);
    if (groups.length === 0) io.err(`no groups mapped in ${workspace}`);
    for (const { group, role } of groups) io.out(`group  ${group}  ${role}`);
    for (const person of readPeople(doc))
      io.out(
        `person  ${person.name} <${person.email}>  ${person.role ?? 'no role'}  ${person.status}  groups: ${person.groups.join(',') || '-'}`,
      );
  } finally {
    stored.close();
  }
  return 0;
}
