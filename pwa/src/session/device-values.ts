import Dexie, { type DexieOptions, type Table } from 'dexie';
import { createContext, useContext } from 'react';
import { persistedNames } from '../../../shared/storage/persisted-names.ts';

/**
 * Values that belong to this device alone (credentials, saved views, what was last looked at):
 * key → value rows in the PWA's own database. Readers never trust what they get back.
 */
export interface DeviceValues {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}

interface Row {
  key: string;
  value: unknown;
}

export interface DexieValuesOptions {
  databaseName?: string;
  indexedDB?: DexieOptions['indexedDB'];
  IDBKeyRange?: DexieOptions['IDBKeyRange'];
}

const TABLE = persistedNames.pwaTables.deviceSettings;

/** The PWA's device settings (`sightline-pwa`, table `deviceSettings`). */
export function dexieDeviceValues(options: DexieValuesOptions = {}): DeviceValues {
  const dexieOptions: DexieOptions = {};
  if (options.indexedDB !== undefined) dexieOptions.indexedDB = options.indexedDB;
  if (options.IDBKeyRange !== undefined) dexieOptions.IDBKeyRange = options.IDBKeyRange;
  const db = new Dexie(options.databaseName ?? persistedNames.pwaDatabase, dexieOptions);
  db.version(1).stores({ [TABLE]: 'key' });
  const table: Table<Row, string> = db.table(TABLE);
  return {
    get: async (key) => (await table.get(key))?.value,
    set: async (key, value) => void (await table.put({ key, value })),
    delete: (key) => table.delete(key),
  };
}

/** An in-memory stand-in for tests (values are copied, as IndexedDB would). */
export function memoryDeviceValues(initial: Record<string, unknown> = {}): DeviceValues {
  const values = new Map<string, unknown>(Object.entries(initial));
  return {
    get: async (key) => structuredClone(values.get(key)),
    set: async (key, value) => void values.set(key, structuredClone(value)),
    delete: async (key) => void values.delete(key),
  };
}

/** Per-workspace keys: `<name>:<workspace>` (names from persisted-names.ts). */
export const workspaceKey = (
  name: keyof typeof persistedNames.pwaDeviceKeys,
  workspace: string,
): string => `${persistedNames.pwaDeviceKeys[name]}:${workspace}`;

const DeviceValuesContext = createContext<DeviceValues>(memoryDeviceValues());

/** main.tsx provides the Dexie-backed values; tests get a fresh memory store unless they provide one. */
export const DeviceValuesProvider = DeviceValuesContext.Provider;
export const useDeviceValues = (): DeviceValues => useContext(DeviceValuesContext);
