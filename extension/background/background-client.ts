import type {
  BackgroundRequest,
  BannerInfo,
  Failure,
  ConcernInput,
  FlagInput,
  LedgerResponse,
  PolicyPanelInfo,
  SiteInfo,
  StatusResponse,
} from './messages.ts';

/** How pages and the content script talk to the background worker. */
export interface BackgroundClient {
  status(): Promise<StatusResponse>;
  site(url: string): Promise<SiteInfo>;
  flag(flag: FlagInput): Promise<{ ok: true } | Failure>;
  concern(concern: ConcernInput): Promise<{ ok: true } | Failure>;
  enrol(code: string, relayUrl: string): Promise<{ ok: true; workspace: string } | Failure>;
  ledger(): Promise<LedgerResponse>;
  deleteLocalData(): Promise<{ ok: true }>;
  exportData(): Promise<{ json: string }>;
  banner(host: string): Promise<BannerInfo>;
  dismissBanner(toolKey: string): Promise<{ ok: true }>;
  policyPanel(host: string): Promise<PolicyPanelInfo>;
  acknowledgePolicy(versionId: string): Promise<{ ok: true } | Failure>;
  snoozePolicy(versionId: string): Promise<{ ok: true }>;
}

interface RuntimeMessaging {
  sendMessage(message: BackgroundRequest): Promise<unknown>;
}

export function backgroundClient(runtime: RuntimeMessaging): BackgroundClient {
  const send = <T>(message: BackgroundRequest) => runtime.sendMessage(message) as Promise<T>;
  return {
    status: () => send({ type: 'status' }),
    site: (url) => send({ type: 'site', url }),
    flag: (flag) => send({ type: 'flag', flag }),
    concern: (concern) => send({ type: 'concern', concern }),
    enrol: (code, relayUrl) => send({ type: 'enrol', code, relayUrl }),
    ledger: () => send({ type: 'ledger' }),
    deleteLocalData: () => send({ type: 'delete-local-data' }),
    exportData: () => send({ type: 'export-data' }),
    banner: (host) => send({ type: 'banner', host }),
    dismissBanner: (toolKey) => send({ type: 'dismiss-banner', toolKey }),
    policyPanel: (host) => send({ type: 'policy-panel', host }),
    acknowledgePolicy: (versionId) => send({ type: 'acknowledge-policy', versionId }),
    snoozePolicy: (versionId) => send({ type: 'snooze-policy', versionId }),
  };
}
