import * as Y from 'yjs';
import type { RunStatus } from '../monitoring/evaluate.ts';
import { isPlainObject } from '../schema/read-core.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, checkTimestamp } from '../schema/write.ts';
import { readRecordClassification } from './classification.ts';
import { appendHistory } from './history.ts';
import { DELETED, MERGED_INTO } from './record-lifecycle.ts';
import { MAX_PERSON, MAX_REASON, RECORDS, REGISTRY_SCHEMA } from './schema.ts';
import { readTierScheme } from './tier-scheme.ts';

/**
 * The pre-deployment gate (docs/monitoring.md MON6; ISO/IEC 42001 A.6.2.4–A.6.2.5): a record of
 * the workspace's highest tier cannot move to "in use" until a lead approved a passed monitoring
 * run, or overrode the gate with a reason. Both are kept in the record's history.
 *
 *   deploymentGate  recordId → { kind: approved|override, by, at, runAt?, metrics?: [names],
 *                                reason? } (the latest decision, written whole)
 */
export const DEPLOYMENT_GATE = 'deploymentGate';

export type GateDecision =
  | { kind: 'approved'; by: string; at: number; runAt: number; metrics: string[] }
  | { kind: 'override'; by: string; at: number; reason: string };

export interface GateState {
  /** The record's decided tier is the scheme's first (most severe) tier. */
  required: boolean;
  decision?: GateDecision;
  /** Going into use is allowed: not required, or decided. */
  open: boolean;
}

export function readDeploymentGate(doc: Y.Doc, recordId: string): GateState {
  const record = doc.getMap<unknown>(RECORDS).get(recordId);
  const decided =
    record instanceof Y.Map
      ? readRecordClassification(record, `${RECORDS}.${recordId}`, [])?.tier?.decided
      : undefined;
  const highest = readTierScheme(doc).scheme.tiers[0]?.id;
  const required = decided !== undefined && decided === highest;
  const decision = readDecision(doc.getMap<unknown>(DEPLOYMENT_GATE).get(recordId));
  return { required, ...(decision ? { decision } : {}), open: !required || decision !== undefined };
}

function readDecision(value: unknown): GateDecision | undefined {
  if (!isPlainObject(value)) return undefined;
  const { kind, by, at, runAt, metrics, reason } = value;
  if (typeof by !== 'string' || by.length > MAX_PERSON || typeof at !== 'number') return undefined;
  if (kind === 'approved' && typeof runAt === 'number' && Array.isArray(metrics))
    return {
      kind,
      by,
      at,
      runAt,
      metrics: metrics.filter((m): m is string => typeof m === 'string'),
    };
  if (kind === 'override' && typeof reason === 'string' && reason.trim() !== '')
    return { kind, by, at, reason };
  return undefined;
}

/** Why moving a record into use is refused (MON6), or undefined when it may go. */
export function deploymentRefusal(doc: Y.Doc, recordId: string): string | undefined {
  const gate = readDeploymentGate(doc, recordId);
  if (gate.open) return undefined;
  return 'the pre-deployment gate is closed: this system is of the highest tier, so it goes into use only after a lead approves a passed monitoring run (or overrides the gate with a reason)';
}

function liveRecord(doc: Y.Doc, recordId: string): Y.Map<unknown> {
  const record = doc.getMap<unknown>(RECORDS).get(recordId);
  if (!(record instanceof Y.Map) || record.has(DELETED) || record.has(MERGED_INTO))
    throw new Error(`no record ${recordId}`);
  return record;
}

/** A lead approves a passed run (latestRun of the system's monitoring). Throws if it did not pass. */
export function approveDeployment(
  doc: Y.Doc,
  recordId: string,
  run: RunStatus,
  by: string,
  at: number,
): void {
  checkText('by', by, { min: 1, max: MAX_PERSON });
  checkTimestamp('at', at);
  if (!run.passed || run.at === undefined)
    throw new RangeError(
      'only a passed monitoring run can be approved: every metric measured and within its threshold',
    );
  const record = liveRecord(doc, recordId);
  const metrics = run.metrics.map((metric) => metric.name);
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    doc
      .getMap<unknown>(DEPLOYMENT_GATE)
      .set(recordId, { kind: 'approved', by, at, runAt: run.at!, metrics });
    appendHistory(record, {
      at,
      by,
      action: 'deployment-approved',
      subject: `${new Date(run.at!).toISOString().slice(0, 16).replace('T', ' ')} UTC, ${metrics.join(', ')}`,
    });
  });
}

/** A lead opens the gate without a passed run; the reason is required and kept in history. */
export function overrideDeploymentGate(
  doc: Y.Doc,
  recordId: string,
  reason: string,
  by: string,
  at: number,
): void {
  checkText('by', by, { min: 1, max: MAX_PERSON });
  checkTimestamp('at', at);
  checkText('the reason for the override', reason, { min: 1, max: MAX_REASON });
  if (reason.trim() === '') throw new RangeError('an override needs a reason');
  const record = liveRecord(doc, recordId);
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    doc
      .getMap<unknown>(DEPLOYMENT_GATE)
      .set(recordId, { kind: 'override', by, at, reason: reason.trim() });
    appendHistory(record, { at, by, action: 'deployment-override', reason: reason.trim() });
  });
}
