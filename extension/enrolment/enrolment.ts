import { isValidSegment } from '../../shared/documents/names.ts';
import { persistedNames } from '../../shared/storage/persisted-names.ts';
import type { KeyValueStore } from '../platform/key-value-store.ts';

/** This browser's membership of a workspace: its own member token, bound to its reporter id. */
export interface Enrolment {
  relayUrl: string;
  workspace: string;
  reporterId: string;
  token: string;
  tokenId: string;
  expiresAt: number;
  /** How it was enrolled: by the browser's managed policy, or by the employee. */
  source: 'policy' | 'manual';
  /** The enrolment code it came from (policy only), so a changed policy enrols again. */
  policyCode?: string;
}

/** What an admin sets through the browser's managed-storage policy (public/managed-schema.json). */
export interface ManagedConfig {
  relayUrl?: unknown;
  workspace?: unknown;
  token?: unknown;
}

export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body: string },
) => Promise<{
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
}>;

const KEY = persistedNames.extensionStorageKeys.enrolment;

/** The relay's origin from what a person pasted: a URL or an enrolment link. Throws on anything else. */
export function relayOrigin(text: string): string {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    throw new Error('the relay address must be a URL such as https://sightline.example.com');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error('the relay address must start with https:// or http://');
  return url.origin;
}

/** Exchanges an enrolment code for this browser's own member token (docs/sync.md E1). */
export async function enrolWithCode(
  code: string,
  relayUrl: string,
  fetchFn: FetchLike,
  source: Enrolment['source'] = 'manual',
): Promise<Enrolment> {
  const origin = relayOrigin(relayUrl);
  const trimmed = code.trim();
  if (!/^[\w-]+\.[\w-]+\.[\w-]+$/.test(trimmed)) throw new Error('that is not an enrolment code');
  let response;
  try {
    response = await fetchFn(`${origin}/api/enrol`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token: trimmed }),
    });
  } catch {
    throw new Error(`could not reach the relay at ${origin}`);
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok)
    throw new Error(
      `the relay refused the code: ${typeof body.error === 'string' ? body.error : response.status}`,
    );
  const { workspace, reporterId, token, tokenId, expiresAt } = body;
  if (
    !isValidSegment(workspace) ||
    !isValidSegment(reporterId) ||
    typeof token !== 'string' ||
    typeof tokenId !== 'string' ||
    typeof expiresAt !== 'number'
  ) {
    throw new Error('the relay answered with something unexpected');
  }
  return {
    relayUrl: origin,
    workspace,
    reporterId,
    token,
    tokenId,
    expiresAt,
    source,
    ...(source === 'policy' ? { policyCode: trimmed } : {}),
  };
}

export async function loadEnrolment(storage: KeyValueStore): Promise<Enrolment | undefined> {
  const stored = await storage.get<Enrolment>(KEY);
  return stored &&
    isValidSegment(stored.workspace) &&
    isValidSegment(stored.reporterId) &&
    typeof stored.token === 'string'
    ? stored
    : undefined;
}

export function saveEnrolment(storage: KeyValueStore, enrolment: Enrolment): Promise<void> {
  return storage.set(KEY, enrolment);
}

export function forgetEnrolment(storage: KeyValueStore): Promise<void> {
  return storage.remove(KEY);
}

/**
 * Zero-touch enrolment: when the browser's policy names a relay and an enrolment code, and this
 * browser is not yet enrolled with that code, enrol without asking the employee.
 */
export async function enrolFromPolicy(
  managed: ManagedConfig,
  storage: KeyValueStore,
  fetchFn: FetchLike,
): Promise<Enrolment | undefined> {
  if (typeof managed.relayUrl !== 'string' || typeof managed.token !== 'string') return undefined;
  const current = await loadEnrolment(storage);
  if (current?.source === 'policy' && current.policyCode === managed.token.trim()) return current;
  const enrolment = await enrolWithCode(managed.token, managed.relayUrl, fetchFn, 'policy');
  if (typeof managed.workspace === 'string' && managed.workspace !== enrolment.workspace) {
    throw new Error(
      `the policy names workspace ${managed.workspace}, but the code is for ${enrolment.workspace}`,
    );
  }
  await saveEnrolment(storage, enrolment);
  return enrolment;
}
