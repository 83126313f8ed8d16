/** The registry document (`<workspace>/registry`): the AI inventory and triage. */
export * from './schema.ts';
export { RECORD_FIELDS } from './fields.ts';
export { createRecord, updateRecord } from './records.ts';
export { setTriage } from './triage.ts';
export { readRegistry } from './read.ts';
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
