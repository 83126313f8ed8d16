import type { TestClient } from './relay-client.ts';

/**
 * Edits one at a time, only while connected and synced, and records how many of them the relay
 * had acknowledged: every edit made before the provider last reported no unsynced change. Editing
 * only while synced keeps that count a lower bound (an edit queued while offline could otherwise
 * be counted through an acknowledgement of another message).
 */
export class AckWatermark {
  made = 0;
  acknowledged = 0;
  /**
   * Edits acknowledged counting each acknowledgement as it comes, before the first disconnect: the
   * relay answers one connection's updates in order (each with a sync status, after its commit), so
   * `made − unsynced` were acknowledged. Unlike `acknowledged`, it does not need a moment with
   * nothing in flight, which a busy machine may never give while edits keep coming.
   */
  acknowledgedInOrder = 0;
  disconnects: { code: number; reason: string }[] = [];
  readonly #client: TestClient;

  constructor(client: TestClient) {
    this.#client = client;
    const mark = () => {
      const provider = client.provider;
      if (provider.synced && !provider.hasUnsyncedChanges) this.acknowledged = this.made;
      if (provider.synced && this.disconnects.length === 0)
        this.acknowledgedInOrder = Math.max(
          this.acknowledgedInOrder,
          this.acknowledged,
          this.made - provider.unsyncedChanges,
        );
    };
    client.provider.on('synced', mark);
    client.provider.on('unsyncedChanges', mark);
    client.provider.configuration.websocketProvider.on(
      'disconnect',
      ({ event }: { event: { code: number; reason: string } }) =>
        this.disconnects.push({ code: event.code, reason: event.reason }),
    );
  }

  /** Makes `count` edits, `edit(i)` each, each while the provider is synced; gives up after `timeoutMs`. */
  async edit(count: number, edit: (i: number) => void, timeoutMs = 30_000): Promise<void> {
    const target = this.made + count;
    const deadline = Date.now() + timeoutMs;
    while (this.made < target && Date.now() < deadline) {
      if (this.#client.provider.synced) {
        edit(this.made);
        this.made++;
      }
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
  }
}
