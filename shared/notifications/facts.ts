import type * as Y from 'yjs';
import { readAssessment, type Assessment } from '../documents/assessment/index.ts';
import {
  AIMS_NONCONFORMITIES,
  AIMS_REVIEW_ACTIONS,
  documentRegister,
  readAimsRegister,
  readManagementReviews,
  type AimsEntry,
  type DocumentRow,
  type ReviewRecord,
} from '../documents/aims/index.ts';
import {
  readApprovals,
  readAssessmentIndex,
  readDutyTracker,
  readGovernance,
  readIncidentRegister,
  readRegistry,
  readRiskRegister,
  readTierScheme,
  type Approval,
  type AssessmentIndexEntry,
  type Incident,
  type RegistryRecord,
  type Risk,
  type TrackedDuty,
  type WorkspaceTierScheme,
} from '../documents/registry/index.ts';

/**
 * Everything the notifications are derived from, read once through each document module's own
 * reader (never trusting the documents' shape). The registry holds the inventory, the risk and
 * incident registers, the assessment index, the sign-offs and the management-system registers;
 * an assessment document adds its section assignees and reviewers.
 */
export interface WorkspaceFacts {
  records: ReadonlyMap<string, RegistryRecord>;
  risks: readonly Risk[];
  incidents: readonly Incident[];
  duties: readonly TrackedDuty[];
  assessmentIndex: readonly AssessmentIndexEntry[];
  approvals: ReadonlyMap<string, readonly Approval[]>;
  tierScheme: Pick<WorkspaceTierScheme, 'scheme' | 'removed'>;
  reviewMonths: Readonly<Record<string, number>>;
  nonconformities: readonly AimsEntry[];
  reviewActions: readonly AimsEntry[];
  managementReviews: readonly ReviewRecord[];
  documents: readonly DocumentRow[];
  /** The assessment documents at hand, read, by assessment id. */
  openedAssessments: ReadonlyMap<string, Assessment>;
}

export interface NotificationSources {
  /** `<workspace>/registry`. */
  registry: Y.Doc;
  /**
   * `<workspace>/assessment/<id>` documents at hand, by id: the relay opens every listed one; a
   * device passes those it holds. Without one, its assignees and reviewers are not known.
   */
  assessments?: ReadonlyMap<string, Y.Doc>;
}

export function readWorkspaceFacts(sources: NotificationSources): WorkspaceFacts {
  const { registry } = sources;
  const openedAssessments = new Map<string, Assessment>();
  for (const [id, doc] of sources.assessments ?? []) openedAssessments.set(id, readAssessment(doc));
  const duties: TrackedDuty[] = [];
  for (const byDuty of readDutyTracker(registry).byRecord.values()) duties.push(...byDuty.values());
  return {
    records: readRegistry(registry).records,
    risks: [...readRiskRegister(registry).risks.values()],
    incidents: [...readIncidentRegister(registry).incidents.values()],
    duties,
    assessmentIndex: readAssessmentIndex(registry).assessments,
    approvals: readApprovals(registry).approvals,
    tierScheme: readTierScheme(registry),
    reviewMonths: readGovernance(registry).reviewMonths,
    nonconformities: readAimsRegister(registry, AIMS_NONCONFORMITIES).entries,
    reviewActions: readAimsRegister(registry, AIMS_REVIEW_ACTIONS).entries,
    managementReviews: readManagementReviews(registry).reviews,
    documents: documentRegister(registry),
    openedAssessments,
  };
}
