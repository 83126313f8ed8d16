import type { BackgroundRequest, StatusResponse } from './messages.ts';

export interface BackgroundClient {
  status(): Promise<StatusResponse>;
}

interface RuntimeMessaging {
  sendMessage(message: BackgroundRequest): Promise<unknown>;
}

/** How pages talk to the background worker. */
export function backgroundClient(runtime: RuntimeMessaging): BackgroundClient {
  return {
    status: () => runtime.sendMessage({ type: 'status' }) as Promise<StatusResponse>,
  };
}
