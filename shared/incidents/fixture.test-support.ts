import type { Incident, IncidentFields } from '../documents/registry/incidents.ts';

/**
 * A serious incident shaped on the brief's Global Finance Corp case (a fraud model in production),
 * detected 1 March 2027 09:30 UTC. Tests change one fact at a time from here.
 */
export const DETECTED = Date.UTC(2027, 2, 1, 9, 30);
export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

/** The fields a lead saves, for the writer's tests. */
export function incidentFields(overrides: Partial<IncidentFields> = {}): IncidentFields {
  const {
    id: _id,
    createdBy: _cb,
    createdAt: _ca,
    updatedBy: _ub,
    updatedAt: _ua,
    ...fields
  } = incident();
  return { ...fields, ...overrides };
}

export function incident(overrides: Partial<Incident> = {}): Incident {
  return {
    id: 'inc-1',
    systemId: 'rec-fraud',
    title: 'Fraud model blocked legitimate card payments',
    kind: 'incident',
    type: 'malfunction',
    detectedAt: DETECTED,
    detectedBy: 'Payments operations',
    description: 'After a model update, 4% of legitimate payments were declined for two hours.',
    peopleAffected: 'Card holders paying in the evening',
    severity: 'high',
    serious: [],
    death: false,
    widespread: false,
    personalDataBreach: false,
    informed: {},
    useSuspended: false,
    riskIds: [],
    correctiveAction: '',
    status: 'open',
    createdBy: 'lead-1',
    createdAt: DETECTED + HOUR,
    updatedBy: 'lead-1',
    updatedAt: DETECTED + HOUR,
    ...overrides,
  };
}
