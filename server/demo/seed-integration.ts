import type * as Y from 'yjs';
import {
  readRegistryRecord,
  saveIsmsSoa,
  saveOwnControl,
  saveRiskErm,
  setIsmsClausesInPlace,
  updateRecord,
} from '../../shared/documents/registry/index.ts';
import { ISO27001_ANNEX_A, type IsmsSoaRow } from '../../shared/iso27001/index.ts';
import { PEOPLE } from './organisation.ts';

const DAY_MS = 86_400_000;

/** Northwind's ISMS (fictional): cloud-hosted, so the server-room controls are excluded. */
const EXCLUDED = new Set(['A.7.5', 'A.7.11', 'A.7.12', 'A.8.30']);
const PARTIAL = new Set(['A.5.7', 'A.5.23', 'A.5.30', 'A.8.11', 'A.8.12', 'A.8.16']);
const EVIDENCE: Record<string, string> = {
  'A.5.1': 'ISP-001 Information security policy',
  'A.5.24': 'Incident management procedure',
  'A.5.35': 'Internal audit programme 2026',
  'A.6.3': 'Security awareness training (LMS)',
  'A.8.15': 'Logging standard',
  'A.8.25': 'Secure SDLC standard',
};

function ismsRows(): IsmsSoaRow[] {
  return ISO27001_ANNEX_A.map(({ id }) => {
    if (EXCLUDED.has(id)) {
      return {
        id,
        applicable: false,
        implementation: 'unknown',
        justification: 'Cloud-hosted: the provider’s data centre controls apply',
      };
    }
    const row: IsmsSoaRow = {
      id,
      applicable: true,
      implementation: PARTIAL.has(id) ? 'partial' : 'implemented',
    };
    if (EVIDENCE[id]) row.evidence = EVIDENCE[id];
    return row;
  });
}

/**
 * The demo's share of issue 16's integration and issue 17's significant change: enterprise
 * fields on two risks, the ISMS's ISO 27001 SoA (so the reuse page has a figure), one own
 * control, and the support assistant's vendor model update after its impact assessment started —
 * which marks that assessment "review due: significant change". Runs after the assessments are
 * listed (seed-governance.ts); a seeded registry is never seeded again (seed-demo.ts).
 */
export function seedIntegration(registry: Y.Doc, now: number): void {
  const at = (days: number) => now - days * DAY_MS;
  saveRiskErm(
    registry,
    'risk-screening-bias',
    {
      residualLikelihood: 2,
      residualImpact: 5,
      consequenceOrganisation: 'Discrimination claims and a halted hiring pipeline',
      consequenceIndividuals: 'Qualified candidates rejected without a person looking',
      consequenceSociety: 'Reinforces unequal access to work',
      ermCategory: 'Compliance',
      ermReference: 'ERM-2026-0142',
    },
    PEOPLE.ciso,
    at(9),
  );
  saveRiskErm(
    registry,
    'risk-support-leak',
    {
      residualLikelihood: 2,
      residualImpact: 3,
      consequenceOrganisation: 'GDPR breach notification and customer trust',
      consequenceIndividuals: 'Customers’ personal data disclosed to a third party',
      ermCategory: 'Operational',
      ermReference: 'ERM-2026-0150',
    },
    PEOPLE.ciso,
    at(9),
  );
  saveIsmsSoa(registry, ismsRows(), 'northwind-isms-soa-2026.csv', PEOPLE.ciso, at(8));
  setIsmsClausesInPlace(registry, true, PEOPLE.ciso, at(8));
  saveOwnControl(
    registry,
    'own-logging',
    {
      ref: 'ORG-1',
      title: 'Logging standard applied to AI gateways',
      source: 'Northwind ISMS (ISO/IEC 27001:2022)',
      iso27001: 'A.8.15',
      applicable: true,
      justification: 'Prompts sent to external AI services must be traceable for incidents.',
      implementation: 'partial',
      owner: PEOPLE.ciso,
      evidence: [],
    },
    PEOPLE.ciso,
    at(7),
  );
  if (readRegistryRecord(registry, 'support-reply-drafts')?.model === 'GPT-4o mini') {
    updateRecord(
      registry,
      'support-reply-drafts',
      { model: 'GPT-4.1 mini' },
      PEOPLE.support,
      at(2),
    );
  }
}
