import * as Y from 'yjs';
import { readObservations } from '../../shared/documents/monitoring/observations.ts';
import { savePlanMetric } from '../../shared/documents/monitoring/plan.ts';
import type { DocumentStorage } from '../../server/storage/relay-storage.ts';

/** `POST /api/records/<id>/observations`, with an Idempotency-Key when given (MON2, MON7). */
export async function postObservations(
  relayUrl: string,
  token: string,
  recordId: string,
  body: unknown,
  key?: string,
) {
  const response = await fetch(`${relayUrl}/api/records/${recordId}/observations`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      ...(key === undefined ? {} : { 'Idempotency-Key': key }),
    },
    body: JSON.stringify(body),
  });
  return {
    status: response.status,
    replayed: response.headers.get('idempotent-replayed') === 'true',
    body: (await response.json()) as Record<string, unknown>,
  };
}

/** How many batches (chunks) and observations a store holds for a monitoring document. */
export async function storedObservations(
  store: DocumentStorage,
  document: string,
): Promise<{ chunks: number; observations: number }> {
  const doc = new Y.Doc();
  for (const update of await store.load(document)) Y.applyUpdate(doc, update);
  const log = readObservations(doc);
  return { chunks: log.chunks, observations: log.observations.length };
}

/** A population-stability drift statistic, an incident above 0.25 (a common PSI alert level). */
export function savePsiPlan(doc: Y.Doc, at: number): void {
  savePlanMetric(
    doc,
    {
      name: 'psi',
      kind: 'drift',
      direction: 'at-most',
      threshold: 0.25,
      subgroups: [],
      onBreach: 'incident',
    },
    'Lead',
    at,
  );
}
