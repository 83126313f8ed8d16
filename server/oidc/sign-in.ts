import type { Hocuspocus } from '@hocuspocus/server';
import {
  readGroupMappings,
  readPerson,
  roleFor,
  writePerson,
  type PersonRole,
  type SsoPerson,
} from '../../shared/documents/admin/sso.ts';
import { formatDocumentName } from '../../shared/documents/names.ts';
import type { TokenService } from '../auth/token-service.ts';

/** Who the identity provider says signed in (from the ID token and the UserInfo answer). */
export interface SignedInPerson {
  subject: string;
  name: string;
  email: string;
  groups: string[];
}

export type SignInOutcome =
  | { kind: 'signed-in'; token: string; tokenId: string; role: PersonRole; expiresAt: number }
  /** No role yet: recorded for an admin to decide (SSO4). */
  | { kind: 'pending' }
  /** An admin removed this person (SSO6). */
  | { kind: 'removed' };

export interface SignInServices {
  hocuspocus: Hocuspocus;
  tokens: TokenService;
  /** Commits what the relay holds, before the answer goes out (DR1). */
  makeDurable(): Promise<void>;
  now?: () => number;
}

/**
 * What a sign-in to `workspace` gives (SSO2–SSO6), written through the workspace's `admin` document
 * the relay serves, so that every relay and every admin's Settings see it at once: the person is
 * recorded (pending without a role); a role that changed since the last sign-in ends every session
 * minted before (their live connections close, SSO6); with a role, a session token is minted,
 * labelled with the person's name, and its id kept so an admin can end it.
 */
export async function signIn(
  services: SignInServices,
  workspace: string,
  who: SignedInPerson,
  sessionTtlMs: number,
): Promise<SignInOutcome> {
  const now = (services.now ?? Date.now)();
  const connection = await services.hocuspocus.openDirectConnection(
    formatDocumentName({ workspace, kind: 'admin' }),
    { relay: true },
  );
  try {
    const doc = connection.document!;
    const before = readPerson(doc, who.subject);
    const role = roleFor(before, who.groups, readGroupMappings(doc));
    let sessions = before?.sessions ?? [];
    if (before && before.role !== role) {
      for (const id of sessions) await services.tokens.revoke(id);
      sessions = [];
    }
    const person: SsoPerson = {
      subject: who.subject,
      name: who.name,
      email: who.email,
      groups: who.groups,
      assignedRole: before?.assignedRole ?? null,
      role,
      status: before?.status === 'removed' ? 'removed' : role ? 'active' : 'pending',
      firstSeenAt: before?.firstSeenAt ?? now,
      lastSignInAt: now,
      sessions,
    };
    let outcome: SignInOutcome;
    if (role === null) outcome = { kind: person.status === 'removed' ? 'removed' : 'pending' };
    else {
      const minted = await services.tokens.mint({
        workspace,
        role,
        ttlMs: sessionTtlMs,
        kind: 'session',
        label: who.name,
      });
      person.sessions = [...sessions, minted.id];
      outcome = {
        kind: 'signed-in',
        token: minted.token,
        tokenId: minted.id,
        role,
        expiresAt: minted.expiresAt,
      };
    }
    await connection.transact((d) => writePerson(d, person));
    await services.makeDurable();
    return outcome;
  } finally {
    await connection.disconnect();
  }
}
