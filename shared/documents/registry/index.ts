/** The registry document (`<workspace>/registry`): the AI inventory and triage. */
export * from './schema.ts';
export { RECORD_FIELDS } from './fields.ts';
export { createRecord, readRegistryRecord, resolveField, updateRecord } from './records.ts';
export { addNote, ensureRecordLogs, readRecordLogs, removeNote } from './notes.ts';
export { setTriage } from './triage.ts';
export {
  importNetworkLog,
  readNetworkLog,
  NETWORK_LOG,
  type NetworkLog,
  type NetworkLogDiscovery,
  type NetworkLogFinding,
} from './network-log.ts';
export { readRegistry, registryReader } from './read.ts';
export { registryIndexReader, type RecordRef, type RegistryIndex } from './record-index.ts';
export {
  CLASSIFICATION,
  decideEuAiActCategory,
  decideTier,
  setUseProfile,
  type CategoryDecision,
  type RecordClassification,
  type SuggestedCategory,
  type TierDecision,
} from './classification.ts';
export {
  MAX_STORED_TIERS,
  TIER_SCHEME,
  findTier,
  moveTier,
  readTierScheme,
  removeTier,
  resetTierScheme,
  setTier,
  type TierChange,
  type WorkspaceTierScheme,
} from './tier-scheme.ts';
export * from './risks.ts';
export * from './soa.ts';
export * from './approvals.ts';
export * from './assessment-index.ts';
export * from './templates.ts';
export * from './governance.ts';
export * from './custom-fields.ts';
export * from './duty-tracker.ts';
export { appendHistory, type NewHistoryEntry } from './history.ts';
export * from './history-words.ts';
export {
  draftKey,
  setDraftAnswer,
  setDraftChoice,
  type DraftAnswers,
} from './classification-draft.ts';
export {
  currentRecordId,
  deleteRecord,
  mergeRecords,
  noteSignOff,
  noteStatusDecision,
  setArchived,
  type RemovedRecord,
  type Stamp,
} from './record-lifecycle.ts';
export * from './people.ts';
export * from './incidents.ts';
export { readIncidentRegister } from './incidents-read.ts';
export * from './concern-decisions.ts';
export * from './significant-change.ts';
export * from './risk-erm.ts';
export * from './isms-soa.ts';
export * from './soa-own-controls.ts';
export * from './risk-refs.ts';
