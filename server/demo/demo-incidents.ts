import type * as Y from 'yjs';
import { saveIncident, type IncidentFields } from '../../shared/documents/registry/index.ts';
import { PEOPLE } from './organisation.ts';

const HOUR_MS = 3_600_000;

/**
 * The demo's incident register: a personal-data incident whose GDPR Art. 33 clock is running
 * (about two days left when the demo is made) and a near miss in the screening pilot.
 */
export function writeDemoIncidents(doc: Y.Doc, now: number): void {
  const incidents: Array<[string, number, IncidentFields]> = [
    [
      'inc-support-draft-leak',
      26,
      {
        systemId: 'support-reply-drafts',
        title: 'Reply draft quoted another customer’s order',
        kind: 'incident',
        type: 'security',
        detectedAt: now - 26 * HOUR_MS,
        detectedBy: PEOPLE.support,
        description:
          'A reply sent to one customer quoted another customer’s name and order number from the drafting tool’s suggestion.',
        peopleAffected: 'Two customers',
        peopleCount: 2,
        severity: 'high',
        serious: [],
        death: false,
        widespread: false,
        personalDataBreach: true,
        informed: { provider: { at: now - 20 * HOUR_MS, by: PEOPLE.ciso } },
        useSuspended: true,
        riskIds: [],
        correctiveAction:
          'Suggestions switched off for replies until the vendor explains the cause.',
        status: 'investigating',
      },
    ],
    [
      'inc-screening-near-miss',
      96,
      {
        systemId: 'candidate-screening',
        title: 'Lower pilot scores for candidates with a speech impairment',
        kind: 'near-miss',
        type: 'bias-complaint',
        detectedAt: now - 96 * HOUR_MS,
        detectedBy: PEOPLE.hr,
        description:
          'The pilot review found lower scores for three candidates who stammer; no decision had used the scores yet.',
        peopleAffected: 'Graduate-scheme candidates',
        severity: 'medium',
        serious: [],
        death: false,
        widespread: false,
        personalDataBreach: false,
        informed: {},
        useSuspended: true,
        riskIds: [],
        correctiveAction: 'Pilot paused; the vendor asked for its subgroup test results.',
        status: 'open',
      },
    ],
  ];
  for (const [id, hoursAgo, fields] of incidents) {
    saveIncident(doc, id, fields, PEOPLE.ciso, now - hoursAgo * HOUR_MS + HOUR_MS);
  }
}
