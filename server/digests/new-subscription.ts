import { randomBytes } from 'node:crypto';
import {
  DIGEST_PERIODS,
  type DigestPeriod,
  type DigestSubscription,
} from '../storage/alert-storage.ts';
import { isEmailAddress } from './address.ts';

export const MAX_DIGESTS_PER_WORKSPACE = 50;

/** DIG5 `--every` / `every`: daily or weekly (weekly when absent). */
export function digestPeriodOf(every: unknown): DigestPeriod {
  const value = every ?? 'weekly';
  if (typeof value !== 'string' || !(DIGEST_PERIODS as readonly string[]).includes(value))
    throw new RangeError('every is daily or weekly');
  return value as DigestPeriod;
}

/**
 * DIG5 A new subscription, checked against the workspace's others (the CLI's `digest add` and the
 * API's `POST /api/digests` alike); a RangeError says what is wrong, and nothing is stored.
 */
export function newDigestSubscription(
  existing: readonly DigestSubscription[],
  input: { workspace: string; to: unknown; every: unknown },
  by: string,
  now: number,
): DigestSubscription {
  const address = typeof input.to === 'string' ? input.to.trim() : '';
  if (!isEmailAddress(address))
    throw new RangeError('a digest goes to one e-mail address, such as lead@example.com');
  const every = digestPeriodOf(input.every);
  if (existing.length >= MAX_DIGESTS_PER_WORKSPACE)
    throw new RangeError(`a workspace has at most ${MAX_DIGESTS_PER_WORKSPACE} digests`);
  if (existing.some((d) => d.address.toLowerCase() === address.toLowerCase() && d.every === every))
    throw new RangeError(`${address} already receives the ${every} digest of ${input.workspace}`);
  return {
    id: randomBytes(8).toString('hex'),
    workspace: input.workspace,
    address,
    every,
    createdAt: now,
    createdBy: by.slice(0, 100),
  };
}
