/** The AI management system's registers (ISO/IEC 42001 clauses 4–6.2, 10.2) in the registry document. */
export * from './registers.ts';
export * from './fields.ts';
export * from './entries.ts';
export { ACTION_PENDING, checkRules, isActionOverdue } from './rules.ts';
export * from './export.ts';
export * from './counts.ts';
export * from './ai-policy.ts';
export * from './audit-registers.ts';
export { auditorConflict } from './audit-rules.ts';
export * from './audit-checklist.ts';
export * from './review-registers.ts';
export {
  approveManagementReview,
  gatherReviewInputs,
  readManagementReviews,
  type ReviewInputs,
  type ReviewRecord,
  type ReviewState,
} from './management-review.ts';
export {
  gatherReviewMonitoring,
  reviewMonitoringWords,
  type ReviewMonitoring,
} from './review-monitoring.ts';
export * from './competence-registers.ts';
export {
  competenceNeeds,
  EXPIRING_DAYS,
  systemsWithoutOversight,
  type CompetenceNeed,
  type TrainingStatus,
} from './competence.ts';
export * from './document-registers.ts';
export {
  documentRegister,
  isReviewDue,
  POLICY_REVIEW_DAYS,
  type DocumentRow,
} from './document-list.ts';
export * from './gap-registers.ts';
export { gapAnalysisRows, gapSummary, type GapRow, type GapStatus } from './gap-analysis.ts';
export { findingIdFor, gapFromAnswer, type AnswerFinding } from './interview-finding.ts';
export * from './supplier-registers.ts';
export {
  answersOf,
  isHttpsLink,
  isRenewalDue,
  missingClauses,
  RENEWAL_NOTICE_DAYS,
  suppliersOfRecord,
} from './suppliers.ts';
export { INTERVIEW_LIST, listInterview, readInterviewList } from './interview-list.ts';
