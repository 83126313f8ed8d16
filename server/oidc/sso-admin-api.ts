import type { Hocuspocus } from '@hocuspocus/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type * as Y from 'yjs';
import {
  decide,
  isPersonRole,
  mapGroup,
  readGroupMappings,
  readPeople,
  readPerson,
  unmapGroup,
  writePerson,
} from '../../shared/documents/admin/sso.ts';
import { formatDocumentName } from '../../shared/documents/names.ts';
import { TokenError, type TokenService } from '../auth/token-service.ts';
import { bearerToken, HttpError, readJson, sendJson } from '../http/json.ts';

export interface SsoAdminServices {
  hocuspocus: Hocuspocus;
  tokens: TokenService;
  makeDurable(): Promise<void>;
}

/**
 * Settings → Single sign-on, for admins (docs/sync.md SSO3, SSO6, SSO9): the workspace's group
 * mappings and the people who signed in. It works with single sign-on off too, so that groups can
 * be mapped before it is switched on. Every change goes through the `admin` document the relay
 * serves, and is durable before the answer.
 *
 * - `GET /api/sso/people` → `{ groups: [{group, role}], people: [...] }`
 * - `POST /api/sso/groups` `{ group, role }` maps a group; `role: null` removes its mapping
 * - `POST /api/sso/people` `{ subject, decision }`: a role, or `removed`; either ends the person's
 *   live sessions when it changes their role (their connections close on every relay)
 */
export async function handleSsoAdmin(
  req: IncomingMessage,
  res: ServerResponse,
  services: SsoAdminServices,
): Promise<boolean> {
  const url = new URL(req.url ?? '/', 'http://relay');
  const route = `${req.method} ${url.pathname}`;
  if (!['GET /api/sso/people', 'POST /api/sso/people', 'POST /api/sso/groups'].includes(route))
    return false;
  try {
    const workspace = await adminWorkspace(req, services.tokens);
    if (route === 'GET /api/sso/people')
      return (
        sendJson(res, 200, await withAdminDocument(services, workspace, ({ doc }) => listing(doc))),
        true
      );
    const body = await readJson(req);
    if (route === 'POST /api/sso/groups') {
      const { group, role } = body;
      if (role !== null && !isPersonRole(role))
        throw new HttpError(400, 'role is admin, lead, contributor or null');
      const answer = await withAdminDocument(services, workspace, async ({ change }) => {
        if (role === null) {
          let removed = false;
          await change((doc) => (removed = unmapGroup(doc, String(group))));
          return { group, removed };
        }
        try {
          await change((doc) => mapGroup(doc, group as string, role));
        } catch (error) {
          throw new HttpError(400, (error as Error).message);
        }
        return { group, role };
      });
      return (sendJson(res, 200, answer), true);
    }
    const { subject, decision } = body;
    if (typeof subject !== 'string') throw new HttpError(400, 'subject is the person’s subject');
    if (decision !== 'removed' && !isPersonRole(decision))
      throw new HttpError(400, 'decision is admin, lead, contributor or removed');
    const ended: string[] = [];
    const person = await withAdminDocument(services, workspace, async ({ doc, change }) => {
      const before = readPerson(doc, subject);
      if (!before) throw new HttpError(404, 'nobody with that subject signed in here');
      const ends = decision === 'removed' || decision !== before.role;
      // Revoked first: a session must not outlive the decision that ended it.
      if (ends)
        for (const id of before.sessions) if (await services.tokens.revoke(id)) ended.push(id);
      await change((d) => {
        const after = decide(d, subject, decision)!;
        if (ends) writePerson(d, { ...after, sessions: [] });
      });
      return readPerson(doc, subject);
    });
    return (sendJson(res, 200, { person, sessionsEnded: ended.length }), true);
  } catch (error) {
    if (error instanceof HttpError) sendJson(res, error.status, { error: error.message });
    else if (error instanceof TokenError) sendJson(res, 401, { error: error.message });
    else throw error;
    return true;
  }
}

function listing(doc: Y.Doc) {
  return {
    groups: readGroupMappings(doc),
    people: readPeople(doc).map(({ sessions, ...person }) => ({
      ...person,
      sessions: sessions.length,
    })),
  };
}

async function adminWorkspace(req: IncomingMessage, tokens: TokenService): Promise<string> {
  const token = bearerToken(req);
  if (!token) throw new HttpError(401, 'send Authorization: Bearer <token>');
  const { principal } = await tokens.verify(token);
  if (principal.role !== 'admin') throw new HttpError(403, 'only admins manage single sign-on');
  return principal.workspace;
}

interface AdminDocument {
  /** For reading only. */
  doc: Y.Doc;
  /** Writes as the relay (a local transaction every client and relay then receives). */
  change(write: (doc: Y.Doc) => void): Promise<void>;
}

/** Runs `work` on the workspace's admin document as the relay serves it, then makes it durable. */
async function withAdminDocument<T>(
  services: SsoAdminServices,
  workspace: string,
  work: (admin: AdminDocument) => T | Promise<T>,
): Promise<T> {
  const connection = await services.hocuspocus.openDirectConnection(
    formatDocumentName({ workspace, kind: 'admin' }),
    { relay: true },
  );
  try {
    const result = await work({
      doc: connection.document!,
      change: (write) => connection.transact((doc) => write(doc)),
    });
    await services.makeDurable();
    return result;
  } finally {
    await connection.disconnect();
  }
}
