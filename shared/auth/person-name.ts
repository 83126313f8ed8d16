import type { Role } from './access.ts';

/**
 * Who a token's holder is, as changes and presence name them: the invitation's label, else the
 * role with the start of the token id (which still tells two leads apart). The PWA names its own
 * person with it, and the relay stamps it on presence (docs/sync.md H6): one rule, one place.
 */
export function personName(who: {
  role: Role;
  tokenId?: string | undefined;
  label?: string | undefined;
}): string {
  if (who.label) return who.label;
  const role = who.role.charAt(0).toUpperCase() + who.role.slice(1);
  return who.tokenId ? `${role} ${who.tokenId.slice(0, 4)}` : role;
}
