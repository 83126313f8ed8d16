import type { BackgroundClient } from '../background/background-client.ts';
import type { StatusResponse } from '../background/messages.ts';

/** One call the fake recorded: the method's name and its arguments. */
export interface RecordedCall {
  method: keyof BackgroundClient;
  args: unknown[];
}

export type FakeBackgroundClient = BackgroundClient & { calls: RecordedCall[] };

export const notEnrolledStatus: StatusResponse = {
  version: '1.2.3',
  installedAt: Date.UTC(2026, 0, 15),
  enrolled: false,
  connection: 'not-enrolled',
  pending: 0,
};

/**
 * A BackgroundClient for tests: every method answers a plain default (not enrolled, an unknown
 * site, an empty ledger) unless `overrides` replaces it, and every call is recorded in `calls`.
 */
export function fakeBackgroundClient(
  overrides: Partial<BackgroundClient> = {},
): FakeBackgroundClient {
  const defaults: BackgroundClient = {
    status: async () => notEnrolledStatus,
    site: async (url) => ({ host: hostOf(url) }),
    flag: async () => ({ ok: true }),
    concern: async () => ({ ok: true }),
    enrol: async () => ({ ok: true, workspace: 'acme' }),
    ledger: async () => ({ entries: [], shared: null, retentionDays: 30 }),
    deleteLocalData: async () => ({ ok: true }),
    exportData: async () => ({ json: '{}' }),
    banner: async () => ({ show: false }),
    dismissBanner: async () => ({ ok: true }),
    policyPanel: async () => ({ show: false }),
    acknowledgePolicy: async () => ({ ok: true }),
    snoozePolicy: async () => ({ ok: true }),
  };
  const implementation = { ...defaults, ...overrides };
  const calls: RecordedCall[] = [];
  const record =
    <K extends keyof BackgroundClient>(method: K) =>
    (...args: Parameters<BackgroundClient[K]>) => {
      calls.push({ method, args });
      return (implementation[method] as (...a: unknown[]) => unknown)(...args);
    };
  return {
    calls,
    status: record('status') as BackgroundClient['status'],
    site: record('site') as BackgroundClient['site'],
    flag: record('flag') as BackgroundClient['flag'],
    concern: record('concern') as BackgroundClient['concern'],
    enrol: record('enrol') as BackgroundClient['enrol'],
    ledger: record('ledger') as BackgroundClient['ledger'],
    deleteLocalData: record('deleteLocalData') as BackgroundClient['deleteLocalData'],
    exportData: record('exportData') as BackgroundClient['exportData'],
    banner: record('banner') as BackgroundClient['banner'],
    dismissBanner: record('dismissBanner') as BackgroundClient['dismissBanner'],
    policyPanel: record('policyPanel') as BackgroundClient['policyPanel'],
    acknowledgePolicy: record('acknowledgePolicy') as BackgroundClient['acknowledgePolicy'],
    snoozePolicy: record('snoozePolicy') as BackgroundClient['snoozePolicy'],
  };
}

function hostOf(url: string): string | undefined {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' || protocol === 'https:' ? hostname : undefined;
  } catch {
    return undefined;
  }
}
