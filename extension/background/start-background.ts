import { persistedNames } from '../../shared/storage/persisted-names.ts';
import {
  enrolFromPolicy,
  POLICY_ERROR,
  type FetchLike,
  type ManagedConfig,
  type PolicyError,
} from '../enrolment/enrolment.ts';
import type { KeyValueStore } from '../platform/key-value-store.ts';
import { nextRetry } from '../enrolment/enrol-retry.ts';
import { BackgroundService, type ServiceDeps } from './background-service.ts';
import {
  CONTENT_SCRIPT_REQUESTS,
  isBackgroundRequest,
  type BackgroundRequest,
} from './messages.ts';
import {
  syncWorkspaceBanners,
  type PermissionsLike,
  type ScriptingLike,
} from './workspace-banners.ts';
import type { ToolEntry } from '../../shared/catalog/schema.ts';

type Listener<A extends unknown[]> = { addListener(listener: (...args: A) => unknown): void };

export interface RuntimeLike {
  id?: string;
  getManifest(): { version: string };
  getURL(path: string): string;
  onMessage: {
    addListener(
      listener: (
        message: unknown,
        sender: { tab?: unknown; id?: string; url?: string },
        sendResponse: (response: unknown) => void,
      ) => boolean | void,
    ): void;
  };
  onInstalled?: Listener<[unknown]>;
  onStartup?: Listener<[]>;
}

/** The browser APIs the worker listens to; each optional so tests can give only what they need. */
export interface BrowserEvents {
  webNavigation?: { onCommitted: Listener<[{ url: string; frameId: number; timeStamp: number }]> };
  webRequest?: {
    onBeforeRequest: {
      addListener(
        listener: (details: {
          url: string;
          initiator?: string;
          type: string;
          timeStamp: number;
          tabId: number;
        }) => undefined,
        filter: { urls: string[] },
      ): void;
    };
  };
  management?: {
    getAll(): Promise<
      Array<{ id: string; name: string; description?: string; enabled: boolean; type?: string }>
    >;
    onInstalled: Listener<[unknown]>;
    onEnabled: Listener<[unknown]>;
  };
  alarms?: {
    create(name: string, info: { when: number }): unknown;
    onAlarm: Listener<[{ name: string }]>;
  };
  managedStorage?: { get(): Promise<ManagedConfig>; onChanged?: Listener<[unknown, string]> };
  scripting?: ScriptingLike;
  permissions?: PermissionsLike & { onAdded?: Listener<[unknown]> };
}

export interface BackgroundDeps extends Omit<ServiceDeps, 'version' | 'schedule'> {
  runtime: RuntimeLike;
  events?: BrowserEvents;
  fetch: FetchLike;
  /** [0, 1): the jitter of enrolment retries; Math.random by default. */
  random?: () => number;
}

const FLUSH_ALARM = 'sightline-flush';
/** A failed enrolment by policy is tried again when this fires (enrol-retry.ts). */
const ENROL_ALARM = 'sightline-enrol-retry';
const RETRIES = persistedNames.extensionStorageKeys.policyEnrolmentRetries;

/**
 * Starts the worker. Every listener is registered synchronously (MV3 wakes the worker for an event
 * and delivers it only to listeners added in the first turn); the service loads its state from
 * storage on each wake, because the worker is stopped whenever it is idle.
 */
export function startBackground(deps: BackgroundDeps): BackgroundService {
  const { runtime, events = {}, storage } = deps;
  let workspaceTools: ToolEntry[] = [];
  const syncBanners = () => {
    if (!events.scripting || !events.permissions) return;
    void syncWorkspaceBanners(workspaceTools, events.scripting, events.permissions).catch(
      (error: unknown) =>
        console.warn(
          `sightline: could not register banners for the workspace's tools: ${(error as Error).message}`,
        ),
    );
  };
  const service = new BackgroundService({
    ...deps,
    onWorkspaceTools(tools) {
      workspaceTools = tools;
      syncBanners();
    },
    version: runtime.getManifest().version,
    schedule(ms, work, { backstop = true } = {}) {
      setTimeout(work, ms);
      // A backstop that survives the worker being stopped before the timer fires.
      if (backstop) events.alarms?.create(FLUSH_ALARM, { when: deps.now() + Math.max(ms, 30_000) });
    },
  });

  runtime.onMessage.addListener((message, sender, sendResponse) => {
    if (!isBackgroundRequest(message)) return false;
    // Content scripts run inside web pages: they may only ask about the banner and the policy
    // panel. The extension's own pages (popup, options, even when opened in a tab) may ask anything.
    const fromOwnPage =
      typeof sender.url === 'string' && sender.url.startsWith(runtime.getURL('/'));
    if (!fromOwnPage && !CONTENT_SCRIPT_REQUESTS.has(message.type)) return false;
    void answer(service, storage, deps.now, message).then(sendResponse, (error: unknown) =>
      sendResponse({ error: String((error as Error)?.message ?? error) }),
    );
    return true;
  });
  events.webNavigation?.onCommitted.addListener((details) => void service.onNavigation(details));
  // Sees only the requests the extension has host access to: the catalogued AI hosts by default,
  // and AI called from inside any site once the employee grants the optional broad access.
  events.webRequest?.onBeforeRequest.addListener(
    (details) => {
      void service.onRequest(details);
      return undefined; // observe only: never block or change a request
    },
    { urls: ['<all_urls>'] },
  );
  const scanExtensions = () => {
    if (!events.management) return;
    void events.management.getAll().then((list) => service.onExtensions(list, runtime.id ?? ''));
  };
  events.management?.onInstalled.addListener(scanExtensions);
  events.management?.onEnabled.addListener(scanExtensions);
  // One enrolment by policy at a time: install, start-up and a policy change can all fire at
  // once, and concurrent attempts would each exchange the code for a reporter of their own (the
  // second replacing the first's connection, and what it had not yet sent). A later attempt sees
  // the enrolment the earlier one saved.
  let policyEnrolment = Promise.resolve();
  const enrolByPolicy = ({ afresh }: { afresh: boolean }) => {
    const managedStorage = events.managedStorage;
    if (!managedStorage) return;
    policyEnrolment = policyEnrolment
      // A start-up or a policy change has the full number of retries again.
      .then(() => (afresh ? storage.remove(RETRIES) : undefined))
      .then(() => managedStorage.get().catch(noManagedPolicy))
      .then((managed) => enrolFromPolicy(managed ?? {}, storage, deps.fetch, deps.now))
      .then(async (enrolment) => {
        await storage.remove(POLICY_ERROR);
        await storage.remove(RETRIES);
        if (enrolment) await service.adoptEnrolment(enrolment);
      })
      .catch(async (error: unknown) => {
        // Kept for the popup and the options page, which say why (docs/extension.md).
        let message = String((error as Error)?.message ?? error);
        // The relay was busy or away: an alarm tries again (it survives the worker stopping).
        const retry = nextRetry(
          error,
          (await storage.get<number>(RETRIES)) ?? 0,
          deps.now(),
          deps.random ?? Math.random,
        );
        if (retry && events.alarms) {
          await storage.set(RETRIES, retry.retry);
          events.alarms.create(ENROL_ALARM, { when: retry.at });
          message += `; trying again in ${Math.ceil((retry.at - deps.now()) / 1000)} s`;
        }
        console.warn(`sightline: enrolment by policy failed: ${message}`);
        await storage.set(POLICY_ERROR, { message, at: deps.now() } satisfies PolicyError);
      });
  };
  events.managedStorage?.onChanged?.addListener(() => enrolByPolicy({ afresh: true }));
  runtime.onInstalled?.addListener(() => {
    scanExtensions();
    enrolByPolicy({ afresh: true });
  });
  runtime.onStartup?.addListener(() => {
    scanExtensions();
    enrolByPolicy({ afresh: true });
  });
  // The employee granted more access: banners may now run on more of the workspace's tools.
  events.permissions?.onAdded?.addListener(syncBanners);
  events.alarms?.onAlarm.addListener((alarm) => {
    if (alarm.name === FLUSH_ALARM) void service.flush();
    if (alarm.name === ENROL_ALARM) enrolByPolicy({ afresh: false });
  });
  void ensureInstalledAt(storage, deps.now);
  return service;
}

/**
 * Firefox rejects `storage.managed.get()` when no policy configures the add-on ("Managed storage
 * manifest not found"; Chromium answers `{}`): that is no policy, not a failed one — otherwise
 * every Firefox without a policy would tell its employee that the administrator's policy failed.
 * Found by the Firefox end-to-end test.
 */
function noManagedPolicy(error: unknown): ManagedConfig {
  if (/managed storage manifest not found/i.test(String((error as Error)?.message ?? error)))
    return {};
  throw error;
}

async function answer(
  service: BackgroundService,
  storage: KeyValueStore,
  now: () => number,
  message: BackgroundRequest,
): Promise<unknown> {
  switch (message.type) {
    case 'status':
      return service.status(ensureInstalledAt(storage, now));
    case 'site':
      return service.site(String(message.url));
    case 'flag':
      return service.flag(message.flag);
    case 'concern':
      return service.concern(message.concern);
    case 'enrol':
      return service.enrol(String(message.code), String(message.relayUrl));
    case 'ledger':
      return service.ledger();
    case 'delete-local-data':
      return service.deleteLocalData();
    case 'export-data':
      return service.exportData();
    case 'banner':
      return service.banner(String(message.host));
    case 'dismiss-banner':
      return service.dismissBanner(String(message.toolKey));
    case 'policy-panel':
      return service.policyPanel(String(message.host));
    case 'acknowledge-policy':
      return service.acknowledgePolicy(String(message.versionId));
    case 'snooze-policy':
      return service.snoozePolicy(String(message.versionId));
  }
}

async function ensureInstalledAt(storage: KeyValueStore, now: () => number): Promise<number> {
  const key = persistedNames.extensionStorageKeys.installedAt;
  const existing = await storage.get<number>(key);
  if (typeof existing === 'number') return existing;
  const installedAt = now();
  await storage.set(key, installedAt);
  return installedAt;
}
