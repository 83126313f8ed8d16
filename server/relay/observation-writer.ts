import type { Extension, Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { findBreaches, metricSeries } from '../../shared/documents/monitoring/evaluate.ts';
import {
  appendObservations,
  parseObservationBatch,
  readObservations,
} from '../../shared/documents/monitoring/observations.ts';
import { readPlan } from '../../shared/documents/monitoring/plan.ts';
import {
  formatDocumentName,
  isValidSegment,
  parseDocumentName,
} from '../../shared/documents/names.ts';
import {
  raiseBreaches,
  type MonitoringAlert,
} from '../../shared/documents/registry/monitoring-alerts.ts';
import { DELETED, MERGED_INTO } from '../../shared/documents/registry/record-lifecycle.ts';
import { RECORDS } from '../../shared/documents/registry/schema.ts';
import type { GroupCommitLog } from './group-commit.ts';
import {
  KeyRefusal,
  type IdempotentRequest,
  type ObservationAnswer,
  type ObservationKeys,
} from './observation-idempotency.ts';
import type { Quotas } from './quota.ts';
import type { IdempotencyCompletion } from '../storage/idempotency-storage.ts';

/** Why observations were refused, with the HTTP status that says what kind (MON2–MON3). */
export class ObservationRefusal extends Error {
  override name = 'ObservationRefusal';
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

/**
 * `added`, and the alerts this batch raised (a breach already raised is not raised again, MON5);
 * `replayed` when an Idempotency-Key had already added it: this is its first answer (MON7).
 */
export type ObservationsAdded = ObservationAnswer & { replayed?: true };

export interface ObservationWriter {
  /**
   * Checks a pipeline's batch against the system's plan, appends it to `W/monitoring/<recordId>`
   * and raises new breaches in `W/registry`, through the documents the relay serves (so every
   * client sees them live), and returns only once all of it is durable (MON3, DR1). Throws an
   * ObservationRefusal, having written nothing, for bad input, an unknown record or a full quota.
   * With `idempotency`, a key already done answers its first answer and writes nothing (MON7).
   */
  add(
    workspace: string,
    recordId: string,
    body: unknown,
    by: string,
    idempotency?: IdempotentRequest,
  ): Promise<ObservationsAdded>;
}

/**
 * `log` commits the batch, its alerts and its key in one transaction; `flushDurably` throws
 * while storage fails (DR2).
 */
export function observationWriter(
  hocuspocus: Hocuspocus,
  quotas: Quotas,
  log: Pick<GroupCommitLog, 'together' | 'flushDurably'>,
  keys: ObservationKeys,
  now: () => number = Date.now,
): ObservationWriter {
  const apply = applyBatch(hocuspocus, quotas, log, now);
  return {
    async add(workspace, recordId, body, by, idempotency) {
      if (!idempotency) return apply(workspace, recordId, body, by);
      let claim;
      try {
        claim = await keys.claim(idempotency);
      } catch (error) {
        if (error instanceof KeyRefusal) throw new ObservationRefusal(error.status, error.message);
        throw new ObservationRefusal(503, `storage is failing (${(error as Error).message})`);
      }
      if ('replay' in claim) return { ...claim.replay, replayed: true };
      let applied = false;
      try {
        const answer = await apply(workspace, recordId, body, by, (result) => {
          applied = true;
          return keys.completion(idempotency, claim.createdAt, result);
        });
        await keys.settle(idempotency, 'committed');
        return answer;
      } catch (error) {
        // Refused before anything was applied: the key is free for a corrected batch. Applied but
        // not yet durable (503): the key commits with the batch, whenever that is (MON7).
        if (!applied) await keys.settle(idempotency, 'release');
        throw error;
      }
    },
  };
}

/** Applies one batch and commits it (with `complete`'s idempotency key) before it resolves. */
function applyBatch(
  hocuspocus: Hocuspocus,
  quotas: Quotas,
  log: Pick<GroupCommitLog, 'together' | 'flushDurably'>,
  now: () => number,
) {
  return async (
    workspace: string,
    recordId: string,
    body: unknown,
    by: string,
    complete?: (answer: ObservationAnswer) => IdempotencyCompletion,
  ): Promise<ObservationAnswer> => {
    if (!isValidSegment(recordId))
      throw new ObservationRefusal(
        404,
        `no record ${JSON.stringify(String(recordId).slice(0, 64))}`,
      );
    const registryName = formatDocumentName({ workspace, kind: 'registry' });
    const monitoringName = formatDocumentName({ workspace, kind: 'monitoring', id: recordId });
    const registry = await hocuspocus.openDirectConnection(registryName, { relay: true });
    try {
      const record = registry.document!.getMap<unknown>(RECORDS).get(recordId);
      if (!(record instanceof Y.Map) || record.has(DELETED) || record.has(MERGED_INTO))
        throw new ObservationRefusal(404, `no record ${recordId} in the inventory`);
      const monitoring = await hocuspocus.openDirectConnection(monitoringName, { relay: true });
      try {
        const doc = monitoring.document!;
        const at = now();
        const plan = readPlan(doc);
        let observations;
        try {
          observations = parseObservationBatch(body, new Set(plan.metrics.keys()), at);
        } catch (error) {
          throw new ObservationRefusal(400, (error as Error).message);
        }
        // The chunk's JSON is what the update carries, give or take a few bytes of framing.
        const bytes = 64 + JSON.stringify(observations).length;
        // The stored sizes count too (H13): read once, as a client connection does.
        await quotas.prime(monitoringName);
        const overQuota = quotas.admits(monitoringName, bytes);
        if (overQuota) throw new ObservationRefusal(413, overQuota);
        let answer: ObservationAnswer = { added: observations.length, alerts: [] };
        const changes: Promise<void>[] = [];
        // One commit for the batch, its alerts and its key (MON7): DirectConnection.transact
        // changes the document before its first await, so the updates are queued in `together`.
        log.together(
          () => {
            changes.push(monitoring.transact((d) => appendObservations(d, observations, by, at)));
            const series = metricSeries(plan, readObservations(doc).observations);
            const breaches = findBreaches(recordId, series);
            let alerts: MonitoringAlert[] = [];
            changes.push(registry.transact((d) => (alerts = raiseBreaches(d, breaches, by, at))));
            answer = { added: observations.length, alerts: alerts.map(alertAnswer) };
          },
          () => complete?.(answer),
        );
        await Promise.all(changes);
        await log.flushDurably();
        return answer;
      } finally {
        await monitoring.disconnect();
      }
    } finally {
      await registry.disconnect();
    }
  };
}

function alertAnswer({ id, metric, subgroup, action }: MonitoringAlert) {
  return { id, metric, subgroup, action };
}

function breachesOf(recordId: string, monitoring: Y.Doc) {
  return findBreaches(
    recordId,
    metricSeries(readPlan(monitoring), readObservations(monitoring).observations),
  );
}

/** Who raises the breaches found in observations a person entered (MON5). */
export const MONITORING_RELAY_NAME = 'Sightline monitoring';

/**
 * Raises the breaches of observations entered through the PWA (by hand or from a CSV, by a lead
 * or a contributor): a short while after a system's monitoring document changes, the relay —
 * which holds all of it — evaluates it and raises what is new in `W/registry` (MON5). The
 * relay is the one writer of alerts, so two leads online never raise one twice.
 */
export function monitoringAlertsExtension(
  hocuspocus: () => Hocuspocus,
  makeDurable: () => Promise<void>,
  delayMs = 300,
  now: () => number = Date.now,
): Extension {
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  async function evaluate(documentName: string, workspace: string, recordId: string) {
    const relay = hocuspocus();
    const monitoring = relay.documents.get(documentName);
    if (!monitoring) return;
    const breaches = breachesOf(recordId, monitoring);
    if (breaches.length === 0) return;
    const registry = await relay.openDirectConnection(
      formatDocumentName({ workspace, kind: 'registry' }),
      { relay: true },
    );
    try {
      const record = registry.document!.getMap<unknown>(RECORDS).get(recordId);
      if (!(record instanceof Y.Map)) return;
      await registry.transact((doc) => raiseBreaches(doc, breaches, MONITORING_RELAY_NAME, now()));
      await makeDurable();
    } finally {
      await registry.disconnect();
    }
  }
  return {
    extensionName: 'sightline-monitoring-alerts',
    async onChange({ documentName }) {
      const name = parseDocumentName(documentName);
      if (name?.kind !== 'monitoring' || !name.id) return;
      clearTimeout(timers.get(documentName));
      const timer = setTimeout(() => {
        timers.delete(documentName);
        evaluate(documentName, name.workspace, name.id!).catch((error: unknown) =>
          console.error(
            `sightline relay: ${documentName}: alerts not raised: ${(error as Error).message}`,
          ),
        );
      }, delayMs);
      timer.unref();
      timers.set(documentName, timer);
    },
    async onDestroy() {
      timers.forEach((timer) => clearTimeout(timer));
      timers.clear();
    },
  };
}
