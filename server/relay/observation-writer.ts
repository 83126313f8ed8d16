import type { Hocuspocus } from '@hocuspocus/server';
import * as Y from 'yjs';
import { findBreaches, metricSeries } from '../../shared/documents/monitoring/evaluate.ts';
import {
  appendObservations,
  parseObservationBatch,
  readObservations,
} from '../../shared/documents/monitoring/observations.ts';
import { readPlan } from '../../shared/documents/monitoring/plan.ts';
import { formatDocumentName, isValidSegment } from '../../shared/documents/names.ts';
import {
  raiseBreaches,
  type MonitoringAlert,
} from '../../shared/documents/registry/monitoring-alerts.ts';
import { DELETED, MERGED_INTO } from '../../shared/documents/registry/record-lifecycle.ts';
import { RECORDS } from '../../shared/documents/registry/schema.ts';
import type { Quotas } from './quota.ts';

/** Why observations were refused, with the HTTP status that says what kind (MON2–MON3). */
export class ObservationRefusal extends Error {
  override name = 'ObservationRefusal';
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export interface ObservationsAdded {
  added: number;
  /** The alerts this batch raised (a breach already raised is not raised again, MON5). */
  alerts: MonitoringAlert[];
}

export interface ObservationWriter {
  /**
   * Checks a pipeline's batch against the system's plan, appends it to `W/monitoring/<recordId>`
   * and raises new breaches in `W/registry`, through the documents the relay serves (so every
   * client sees them live), and returns only once all of it is durable (MON3, DR1). Throws an
   * ObservationRefusal, having written nothing, for bad input, an unknown record or a full quota.
   */
  add(workspace: string, recordId: string, body: unknown, by: string): Promise<ObservationsAdded>;
}

/** `makeDurable` commits what is queued now; it throws while storage fails (DR2). */
export function observationWriter(
  hocuspocus: Hocuspocus,
  quotas: Quotas,
  makeDurable: () => void,
  now: () => number = Date.now,
): ObservationWriter {
  return {
    async add(workspace, recordId, body, by) {
      if (!isValidSegment(recordId))
        throw new ObservationRefusal(404, `no record ${JSON.stringify(String(recordId).slice(0, 64))}`);
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
          const overQuota = quotas.admits(monitoringName, bytes);
          if (overQuota) throw new ObservationRefusal(413, overQuota);
          await monitoring.transact((d) => appendObservations(d, observations, by, at));
          const breaches = findBreaches(
            recordId,
            metricSeries(plan, readObservations(doc).observations),
          );
          let alerts: MonitoringAlert[] = [];
          await registry.transact((d) => (alerts = raiseBreaches(d, breaches, by, at)));
          makeDurable();
          return { added: observations.length, alerts };
        } finally {
          await monitoring.disconnect();
        }
      } finally {
        await registry.disconnect();
      }
    },
  };
}
