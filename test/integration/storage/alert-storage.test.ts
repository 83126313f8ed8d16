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
import { alertStorageContract } from './alert-storage-contract.ts';

alertStorageContract('SQLite', async () => {
  const dir = tempDir();
  return {
    open: async () => new SqliteRelayStorage(dir.path),
    remove: async () => dir.remove(),
  };
});

warnIfNoPostgres('POSTGRES ALERT STORAGE CONTRACT');
if (hasPostgres()) {
  let server: TestPostgres;
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(async () => {
    await server?.stop();
  });
  alertStorageContract('Postgres', async () => {
    const url = await server.createDatabase('alerts');
    return {
      open: () => PostgresRelayStorage.connect(url, { max: 4 }),
      remove: async () => {},
    };
  });
}
