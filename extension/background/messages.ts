/** Messages between the popup/options pages and the background worker. */
export type BackgroundRequest = { type: 'status' };

export interface StatusResponse {
  version: string;
  installedAt: number;
  enrolled: boolean;
}

export function isBackgroundRequest(value: unknown): value is BackgroundRequest {
  return (
    typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'status'
  );
}
