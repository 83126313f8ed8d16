import {
  isPersonRole,
  mapGroup,
  PERSON_ROLES,
  readGroupMappings,
  readPeople,
  unmapGroup,
} from '../../shared/documents/admin/sso.ts';
import { formatDocumentName } from '../../shared/documents/names.ts';
import { withStorage } from '../cli/cli-storage.ts';
import { callRelayAsAdmin, changeStoredDocument } from '../cli/relay-admin-call.ts';
import type { CliIo } from '../cli/run-cli.ts';
import { openStoredDocuments } from '../cli/stored-documents.ts';
import { asUsageError, UsageError } from '../cli/usage-error.ts';
import { parseWorkspaceCommand } from '../cli/workspace-args.ts';
import { servingRelays } from '../storage/relay-lock.ts';

/**
 * `sightline sso map|unmap|list` (docs/sync.md SSO2, docs/deploy.md "Single sign-on"): which of the
 * identity provider's groups give which role in a workspace, and who signed in. Like `webhook`:
 * while a relay serves the folder a change goes through its admin API (a 5-minute admin token,
 * revoked after), so running relays use it at the next sign-in; otherwise it is appended to the
 * stored `W/admin` document. With `--database`, only `list`: a change goes through a relay.
 */
export async function ssoCommand(args: string[], io: CliIo): Promise<number> {
  const { verb, values, workspace, dataDir } = parseWorkspaceCommand(args, {
    group: { type: 'string' },
    role: { type: 'string' },
  });
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
  const done = role
    ? `${group} → ${role} in ${workspace}`
    : `${group} gives no role in ${workspace}`;
  return withStorage(
    values,
    async (storage) => {
      const relay = servingRelays(dataDir)[0];
      if (relay) {
        const answer = await callRelayAsAdmin(storage, relay.url, {
          workspace,
          label: 'sightline sso',
          method: 'POST',
          path: '/api/sso/groups',
          body: { group, role: role ?? null },
        });
        if (!answer.ok) {
          io.err(`sightline: the relay at ${relay.url} refused: ${String(answer.body.error)}`);
          return 1;
        }
        io.out(done);
        return 0;
      }
      const name = formatDocumentName({ workspace, kind: 'admin' });
      const changed = await changeStoredDocument(storage, name, (doc) =>
        asUsageError(() =>
          isPersonRole(role) ? (mapGroup(doc, group, role), true) : unmapGroup(doc, group),
        ),
      );
      if (!changed) {
        io.err(`sightline: ${group} has no role in ${workspace}`);
        return 1;
      }
      io.out(done);
      return 0;
    },
    { existing: true },
  );
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
