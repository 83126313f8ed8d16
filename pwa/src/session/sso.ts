import { isValidSegment } from '../../../shared/documents/names.ts';

/** What the relay says of its single sign-on (`GET /api/sso`, docs/sync.md SSO1). */
export interface SsoInfo {
  /** The identity provider's name, for "Sign in with <name>". */
  name: string;
  /** The workspace a sign-in opens when this device knows none. */
  workspace: string;
}

/** Asks the relay whether it offers single sign-on; undefined when not, or when it cannot say. */
export async function fetchSso(fetcher: typeof fetch = fetch): Promise<SsoInfo | undefined> {
  try {
    const response = await fetcher('/api/sso', { cache: 'no-store' });
    if (!response.ok) return undefined;
    const body = (await response.json()) as Record<string, unknown>;
    if (body.enabled !== true || typeof body.name !== 'string' || !isValidSegment(body.workspace))
      return undefined;
    return { name: body.name.slice(0, 60), workspace: body.workspace };
  } catch {
    return undefined;
  }
}

/** Where the sign-in button goes: the relay, which sends the browser on to the identity provider. */
export function signInHref(workspace: string): string {
  return `/api/sso/login?workspace=${encodeURIComponent(workspace)}`;
}

/**
 * Signs out at the relay (SSO8): it revokes this device's session token (not an invitation's,
 * which may be on other devices). Returns where to end the identity provider's session, when it
 * offers that (an http(s) address); never throws.
 */
export async function signOutAtRelay(
  token: string,
  fetcher: typeof fetch = fetch,
): Promise<string | undefined> {
  try {
    const response = await fetcher('/api/sso/logout', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
      cache: 'no-store',
    });
    const body = (await response.json()) as Record<string, unknown>;
    const end = body.endSession;
    return typeof end === 'string' && /^https?:\/\//.test(end) ? end : undefined;
  } catch {
    return undefined;
  }
}

export type SsoOutcome = 'pending' | 'removed' | 'denied' | 'expired' | 'failed';

/** What `#/sso?outcome=…` tells the person (the relay sends only these codes: SSO4, SSO7). */
export const OUTCOME_WORDS: Record<SsoOutcome, { title: string; text: string }> = {
  pending: {
    title: 'Waiting for an administrator',
    text: 'You signed in, but none of your groups has a role in this workspace yet. An administrator will see your name in Settings and give you a role; then sign in again.',
  },
  removed: {
    title: 'Access removed',
    text: 'An administrator removed your access to this workspace. Ask them if this is a mistake.',
  },
  denied: {
    title: 'Sign-in cancelled',
    text: 'The identity provider did not sign you in. Try again.',
  },
  expired: {
    title: 'Sign-in took too long',
    text: 'The sign-in expired or was started in another tab. Try again.',
  },
  failed: {
    title: 'Sign-in failed',
    text: 'The identity provider’s answer could not be checked. Try again; if it keeps failing, tell your administrator.',
  },
};

export function readOutcome(params: URLSearchParams): SsoOutcome | undefined {
  const outcome = params.get('outcome');
  return outcome !== null && outcome in OUTCOME_WORDS ? (outcome as SsoOutcome) : undefined;
}
