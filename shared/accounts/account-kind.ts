/**
 * Whether the account signed in to an AI tool is the organisation's (docs/extension.md,
 * "Corporate or personal account"). Only the kind ever leaves the function: the address is
 * compared here, on the device, and dropped.
 */
export const ACCOUNT_KINDS = ['corporate', 'personal', 'unknown'] as const;
export type AccountKind = (typeof ACCOUNT_KINDS)[number];

export const isAccountKind = (value: unknown): value is AccountKind =>
  (ACCOUNT_KINDS as readonly unknown[]).includes(value);

/** One address: one "@", something before it, a domain after it. */
const ADDRESS = /^[^@\s]+@([a-z0-9.-]+\.[a-z][a-z0-9-]*)$/;

/**
 * `corporate` when the address's domain is one of the workspace's domains or a subdomain of one
 * (`ana@eu.acme.com` for `acme.com`); `personal` when it is another domain; `unknown` when there
 * is no address, it is not one, or the workspace has set no domains (nothing to compare with).
 */
export function accountKind(
  address: string | undefined,
  workspaceDomains: readonly string[],
): AccountKind {
  if (address === undefined || workspaceDomains.length === 0) return 'unknown';
  const domain = ADDRESS.exec(address.trim().toLowerCase())?.[1];
  if (!domain) return 'unknown';
  return workspaceDomains.some((own) => domain === own || domain.endsWith(`.${own}`))
    ? 'corporate'
    : 'personal';
}
