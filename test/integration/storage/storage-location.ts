import { afterAll, beforeAll } from 'vitest';
import type { RelayStorage } from '../../../server/storage/relay-storage.ts';

/** Where a contract suite's storage lives: a data folder, or a Postgres database. */
export interface StorageLocation {
  open(): Promise<RelayStorage>;
  remove(): Promise<void>;
}

/**
 * Two connections to one store for the suite around it, as two relays sharing a database have,
 * handed to `use` once open (with the location, to open it again); closed and the store removed after the suite.
 */
export function openTwice(
  location: () => Promise<StorageLocation>,
  use: (opened: { storage: RelayStorage; other: RelayStorage; place: StorageLocation }) => void,
): void {
  let place: StorageLocation | undefined;
  let opened: { storage: RelayStorage; other: RelayStorage } | undefined;
  beforeAll(async () => {
    place = await location();
    opened = { storage: await place.open(), other: await place.open() };
    use({ ...opened, place });
  });
  afterAll(async () => {
    await opened?.storage.close();
    await opened?.other.close();
    await place?.remove();
  });
}
