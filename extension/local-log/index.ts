/** The extension's device-only event log and the employee's ledger. */
export {
  DEFAULT_MAX_ENTRIES,
  DEFAULT_RETENTION_DAYS,
  type LocalLog,
  type RetentionOptions,
  type StoredSighting,
  withoutBookkeeping,
} from './local-log.ts';
export { memoryLocalLog } from './memory-local-log.ts';
export { dexieLocalLog, type DexieLocalLog, type DexieLocalLogOptions } from './dexie-local-log.ts';
