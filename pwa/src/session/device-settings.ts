import Dexie, { type DexieOptions, type Table } from 'dexie';
import { isRole } from '../../../shared/auth/access.ts';
import { isValidSegment } from '../../../shared/documents/names.ts';
import { persistedNames } from '../../../shared/storage/persisted-names.ts';
import type { Credentials } from './join-link.ts';

/** Where this device keeps its credentials; an in-memory one serves the tests. */
export interface CredentialStorage {
  load(): Promise<Credentials | undefined>;
  save(credentials: Credentials): Promise<void>;
  clear(): Promise<void>;
}

interface Row {
  key: string;
  value: unknown;
}

const TABLE = persistedNames.pwaTables.deviceSettings;
const CREDENTIALS = 'credentials';

/** What was stored is read back without trust: a damaged row counts as no credentials. */
export function checkCredentials(value: unknown): Credentials | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { workspace, token, role, tokenId, expiresAt } = value as Record<string, unknown>;
  if (!isValidSegment(workspace) || typeof token !== 'string' || token === '' || !isRole(role)) {
    return undefined;
  }
  const credentials: Credentials = { workspace, token, role };
  if (typeof tokenId === 'string') credentials.tokenId = tokenId;
  if (typeof expiresAt === 'number') credentials.expiresAt = expiresAt;
  return credentials;
}

export interface DexieStorageOptions {
  databaseName?: string;
  indexedDB?: DexieOptions['indexedDB'];
  IDBKeyRange?: DexieOptions['IDBKeyRange'];
}

/** The PWA's device settings (`sightline-pwa`, table `deviceSettings`): key → value rows. */
export function dexieCredentialStorage(options: DexieStorageOptions = {}): CredentialStorage {
  const dexieOptions: DexieOptions = {};
  if (options.indexedDB !== undefined) dexieOptions.indexedDB = options.indexedDB;
  if (options.IDBKeyRange !== undefined) dexieOptions.IDBKeyRange = options.IDBKeyRange;
  const db = new Dexie(options.databaseName ?? persistedNames.pwaDatabase, dexieOptions);
  db.version(1).stores({ [TABLE]: 'key' });
  const table: Table<Row, string> = db.table(TABLE);
  return {
    async load() {
      return checkCredentials((await table.get(CREDENTIALS))?.value);
    },
    async save(credentials) {
      await table.put({ key: CREDENTIALS, value: credentials });
    },
    async clear() {
      await table.delete(CREDENTIALS);
    },
  };
}

export function memoryCredentialStorage(initial?: Credentials): CredentialStorage {
  let stored = initial;
  return {
    load: async () => stored,
    save: async (credentials) => void (stored = credentials),
    clear: async () => void (stored = undefined),
  };
}
