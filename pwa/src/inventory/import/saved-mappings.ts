import {
  headerSignature,
  readSavedMapping,
  type SavedMapping,
} from '../../../../shared/inventory/import/index.ts';
import { workspaceKey, type DeviceValues } from '../../session/device-values.ts';

/** Mappings kept on this device; the oldest are dropped past this many. */
export const MAX_SAVED_MAPPINGS = 50;
const NO_WORKSPACE = '-';

/**
 * The column and value mappings leads confirmed on this device, one per header layout (the
 * file's headers, folded: headerSignature), so the next file with the same headers starts from
 * it. Stored per workspace in the device settings (Dexie), read back without trust.
 */
export function savedMappings(values: DeviceValues, workspace: string | undefined) {
  const key = workspaceKey('inventoryImportMappings', workspace ?? NO_WORKSPACE);
  const readAll = async (): Promise<SavedMapping[]> => {
    const stored = await values.get(key);
    if (!Array.isArray(stored)) return [];
    return stored.flatMap((raw) => readSavedMapping(raw).mapping ?? []);
  };
  return {
    /** The mapping saved for these column labels, if any. */
    async find(labels: readonly string[]): Promise<SavedMapping | undefined> {
      const signature = headerSignature(labels);
      return (await readAll()).find((m) => headerSignature(m.headers) === signature);
    },
    async save(mapping: SavedMapping): Promise<void> {
      const signature = headerSignature(mapping.headers);
      const others = (await readAll()).filter((m) => headerSignature(m.headers) !== signature);
      await values.set(key, [...others, mapping].slice(-MAX_SAVED_MAPPINGS));
    },
  };
}
