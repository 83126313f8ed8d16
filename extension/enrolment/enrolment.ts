import { isValidSegment } from '../../shared/documents/names.ts';
import { persistedNames } from '../../shared/storage/persisted-names.ts';
import type { KeyValueStore } from '../platform/key-value-store.ts';
import { EnrolmentFailure, parseRetryAfter } from './enrol-retry.ts';

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
  /** Read for Retry-After on a 429 (fetch's Headers has it). */
  headers?: { get(name: string): string | null };
  json(): Promise<unknown>;
}>;

const KEY = persistedNames.extensionStorageKeys.enrolment;

/** Why the browser's policy did not enrol this browser, as the popup and options page show it. */
export interface PolicyError {
  message: string;
  at: number;
}
export const POLICY_ERROR = persistedNames.extensionStorageKeys.policyEnrolmentError;

export async function loadPolicyError(storage: KeyValueStore): Promise<PolicyError | undefined> {
  const stored = await storage.get<PolicyError>(POLICY_ERROR);
  return stored && typeof stored.message === 'string' && typeof stored.at === 'number'
    ? stored
    : undefined;
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface RelayRules {
  /**
   * Where an unencrypted relay (http://, ws://) is accepted: `anywhere` for an admin's policy (the
   * relay prints `ws://host:8787/sync` on a LAN), `loopback` for an address an employee types.
   */
  plainHttp?: 'anywhere' | 'loopback';
}

/** The relay's sockets are on the same host and port as its HTTP API (docs/extension.md). */
const HTTP_FOR: Record<string, string> = {
  'https:': 'https:',
  'http:': 'http:',
  'wss:': 'https:',
  'ws:': 'http:',
};

/**
 * The relay's origin from any form of its address a person or a policy gives: what the relay
 * prints (`ws://host:8787/sync`), `wss://…`, `http(s)://…` with or without `/sync` or another
 * path, an enrolment link, or a bare `host[:port]` (then https). Throws, saying what is wrong, on
 * anything else.
 */
export function relayOrigin(text: string, { plainHttp = 'anywhere' }: RelayRules = {}): string {
  const trimmed = typeof text === 'string' ? text.trim() : '';
  if (trimmed === '') throw new Error('the relay address is empty');
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(
      `the relay address ${JSON.stringify(trimmed)} is not a URL such as https://sightline.example.com`,
    );
  }
  const protocol = HTTP_FOR[url.protocol];
  if (protocol === undefined || url.hostname === '')
    throw new Error(
      `the relay address must start with https://, http://, wss:// or ws://, not ${url.protocol}//`,
    );
  if (protocol === 'http:' && plainHttp === 'loopback' && !LOOPBACK.has(url.hostname))
    throw new Error('the relay address must start with https:// (http only for localhost)');
  return `${protocol}//${url.host}`;
}

/**
 * Exchanges an enrolment code for this browser's own member token (docs/sync.md E1). Fails with
 * an EnrolmentFailure that says whether a later try may work, and after how long (enrol-retry.ts).
 */
export async function enrolWithCode(
  code: string,
  relayUrl: string,
  fetchFn: FetchLike,
  source: Enrolment['source'] = 'manual',
  now: () => number = Date.now,
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
    throw new EnrolmentFailure(`could not reach the relay at ${origin}`, true);
  }
  const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
  if (!response.ok)
    throw new EnrolmentFailure(
      `the relay refused the code: ${typeof body.error === 'string' ? body.error : response.status}`,
      response.status === 429 || response.status >= 500,
      response.status === 429
        ? parseRetryAfter(response.headers?.get('retry-after'), now())
        : undefined,
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
  now: () => number = Date.now,
): Promise<Enrolment | undefined> {
  const hasRelay = typeof managed.relayUrl === 'string' && managed.relayUrl.trim() !== '';
  const hasToken = typeof managed.token === 'string' && managed.token.trim() !== '';
  if (!hasRelay && !hasToken) return undefined;
  if (!hasToken)
    throw new Error('the policy names a relay (relayUrl) but no enrolment code (token)');
  if (!hasRelay)
    throw new Error('the policy has an enrolment code (token) but no relay (relayUrl)');
  if (typeof managed.relayUrl !== 'string' || typeof managed.token !== 'string') return undefined;
  const current = await loadEnrolment(storage);
  if (current?.source === 'policy' && current.policyCode === managed.token.trim()) return current;
  const enrolment = await enrolWithCode(managed.token, managed.relayUrl, fetchFn, 'policy', now);
  if (typeof managed.workspace === 'string' && managed.workspace !== enrolment.workspace) {
    throw new Error(
      `the policy names workspace ${managed.workspace}, but the code is for ${enrolment.workspace}`,
    );
  }
  await saveEnrolment(storage, enrolment);
  return enrolment;
}
