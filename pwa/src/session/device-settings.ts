import { isRole } from '../../../shared/auth/access.ts';
import { isValidSegment } from '../../../shared/documents/names.ts';
import { persistedNames } from '../../../shared/storage/persisted-names.ts';
import { dexieDeviceValues, type DeviceValues, type DexieValuesOptions } from './device-values.ts';
import { MAX_LABEL, type Credentials } from './join-link.ts';

/** Where this device keeps its credentials; an in-memory one serves the tests. */
export interface CredentialStorage {
  load(): Promise<Credentials | undefined>;
  save(credentials: Credentials): Promise<void>;
  clear(): Promise<void>;
}

const CREDENTIALS = persistedNames.pwaDeviceKeys.credentials;

/** What was stored is read back without trust: a damaged row counts as no credentials. */
export function checkCredentials(value: unknown): Credentials | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { workspace, token, role, tokenId, expiresAt, label } = value as Record<string, unknown>;
  if (!isValidSegment(workspace) || typeof token !== 'string' || token === '' || !isRole(role)) {
    return undefined;
  }
  const credentials: Credentials = { workspace, token, role };
  if (typeof tokenId === 'string') credentials.tokenId = tokenId;
  if (typeof expiresAt === 'number') credentials.expiresAt = expiresAt;
  if (typeof label === 'string' && label !== '') credentials.label = label.slice(0, MAX_LABEL);
  return credentials;
}

/** Credentials in the device settings: one row, read back without trust. */
export function credentialStorage(values: DeviceValues): CredentialStorage {
  return {
    load: async () => checkCredentials(await values.get(CREDENTIALS)),
    save: (credentials) => values.set(CREDENTIALS, credentials),
    clear: () => values.delete(CREDENTIALS),
  };
}

/** The PWA's device settings (`sightline-pwa`, table `deviceSettings`): key → value rows. */
export function dexieCredentialStorage(options: DexieValuesOptions = {}): CredentialStorage {
  return credentialStorage(dexieDeviceValues(options));
}

export function memoryCredentialStorage(initial?: Credentials): CredentialStorage {
  let stored = initial;
  return {
    load: async () => stored,
    save: async (credentials) => void (stored = credentials),
    clear: async () => void (stored = undefined),
  };
}
