import type { BackgroundClient } from '../background/background-client.ts';

/**
 * The client with its status asked at once: the first `status()` returns that answer (already on
 * its way while the page finds its tab and renders), later calls ask again.
 */
export function askedEarly(client: BackgroundClient): BackgroundClient {
  let early: ReturnType<BackgroundClient['status']> | undefined = client.status();
  return {
    ...client,
    status() {
      const answer = early ?? client.status();
      early = undefined;
      return answer;
    },
  };
}
