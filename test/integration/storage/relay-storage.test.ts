import { afterAll, beforeAll } from 'vitest';
import { PostgresRelayStorage } from '../../../server/storage/postgres/postgres-relay-storage.ts';
import { SqliteRelayStorage } from '../../../server/storage/sqlite-relay-storage.ts';
import {
  hasPostgres,
  startPostgres,
  warnIfNoPostgres,
  type TestPostgres,
} from '../../helpers/postgres-server.ts';
import { tempDir } from '../../helpers/temp-dir.ts';
import { idempotencyContract } from './idempotency-contract.ts';
import { relayStorageContract, type StorageLocation } from './relay-storage-contract.ts';

const sqlite = async (): Promise<StorageLocation> => {
  const dir = tempDir();
  return {
    open: async () => new SqliteRelayStorage(dir.path),
    remove: async () => dir.remove(),
  };
};
relayStorageContract('SQLite', sqlite);
idempotencyContract('SQLite', sqlite);

warnIfNoPostgres('POSTGRES STORAGE CONTRACT');
if (hasPostgres()) {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  const postgres = (name: string) => async (): Promise<StorageLocation> => {
    const url = await server.createDatabase(name);
    return {
      open: () => PostgresRelayStorage.connect(url, { max: 4 }),
      remove: async () => {},
    };
  };
  relayStorageContract('Postgres', postgres('contract'));
  idempotencyContract('Postgres', postgres('idempotency'));
}
