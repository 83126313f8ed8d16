import type { Role } from '../../../shared/auth/access.ts';
import type { ApiFailure, TokenSummary } from './tokens-api.ts';

export const ROLE_WORDS: Record<Role, string> = {
  admin: 'Admin',
  lead: 'Lead',
  contributor: 'Contributor',
  member: 'Extension',
  pipeline: 'ML pipeline',
};

const KIND_WORDS: Record<string, string> = {
  invitation: 'Invitation',
  enrolment: 'Enrolment code',
  cli: 'Command line',
  session: 'Single sign-on',
};

export const kindShown = (kind: string) => KIND_WORDS[kind] ?? kind;

/** A day as the rest of the app writes it (UTC, YYYY-MM-DD). */
export const dayShown = (ms: number) => {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? '—' : date.toISOString().slice(0, 10);
};

export type TokenState = 'active' | 'expired' | 'revoked';

export function tokenState(token: TokenSummary, now: number): TokenState {
  if (token.revokedAt !== null) return 'revoked';
  return token.expiresAt <= now ? 'expired' : 'active';
}

export function stateShown(token: TokenSummary, now: number): string {
  const state = tokenState(token, now);
  if (state === 'revoked') return `Revoked ${dayShown(token.revokedAt!)}`;
  return state === 'expired' ? 'Expired' : 'Active';
}

/** How a token is named in a sentence: its label, else its kind and the start of its id. */
export function tokenName(token: Pick<TokenSummary, 'id' | 'kind' | 'label'>): string {
  const label = token.label?.trim();
  return label ? `“${label}”` : `${kindShown(token.kind).toLowerCase()} ${token.id.slice(0, 8)}`;
}

/** A failed call in words, saying what was being done. */
export function failureShown(failure: ApiFailure, doing: string): string {
  if (failure.kind === 'unreachable') {
    return `Could not ${doing}: the relay could not be reached. Managing people needs the relay; try again when it is back.`;
  }
  const said = failure.error.replace(/[.\s]+$/, '');
  switch (failure.status) {
    case 401:
      return `Could not ${doing}: the relay no longer accepts this device’s access (${said}). Sign out and open a new join link.`;
    case 403:
      return `Could not ${doing}: not allowed (${said}).`;
    case 404:
      return `Could not ${doing}: the relay does not know it (${said}).`;
    default:
      return failure.status >= 500
        ? `Could not ${doing}: the relay failed (${said}). Try again in a moment.`
        : `Could not ${doing}: ${said}.`;
  }
}

/** Who minted a token (docs/sync.md H8): the minter's label, else its role and id; the command line. */
export function minterShown(minter: TokenSummary['mintedBy'], me: string | undefined): string {
  if (minter === null) return 'Command line';
  if (minter.id === me) return 'You';
  if (minter.label) return minter.label;
  return `${minter.role ? ROLE_WORDS[minter.role] : 'Token'} ${minter.id.slice(0, 8)}`;
}

/** An enrolment code's extensions (H2): "12 (10 active) · last seen 2026-01-12", and its cap. */
export function enrolledShown(token: Pick<TokenSummary, 'reporters' | 'maxReporters'>): string {
  const reporters = token.reporters;
  if (!reporters) return '—';
  const cap = token.maxReporters ? ` of ${token.maxReporters}` : '';
  const active = reporters.active === reporters.count ? '' : ` (${reporters.active} active)`;
  const seen =
    reporters.lastSeenAt === null ? '' : ` · last seen ${dayShown(reporters.lastSeenAt)}`;
  return `${reporters.count}${cap}${active}${seen}`;
}
