import * as Y from 'yjs';
import { AI_RISK_ASSESSMENT, startAssessment } from '../../../shared/assessments/index.ts';
import { createRecord, readRegistryRecord } from '../../../shared/documents/registry/index.ts';
import { fakeSync } from '../test-support/fake-sync.ts';
import { render, settle } from '../test-support/render.tsx';
import { AssessmentView } from './AssessmentView.tsx';

/** The page's clock. */
export const AT = Date.UTC(2026, 2, 10, 12);

/** A record and an AI risk assessment of it, as a lead starts one. */
export function workspace() {
  const registry = new Y.Doc();
  createRecord(registry, 'r1', { name: 'HireRank', purpose: 'Ranks applicants' }, 'Dana', AT);
  const assessment = new Y.Doc({ gc: false });
  const record = readRegistryRecord(registry, 'r1')!;
  startAssessment(assessment, { template: AI_RISK_ASSESSMENT, record }, 'Dana', AT);
  return { registry, assessment };
}

/** The assessment page over those documents, as `role` sees it. */
export async function renderView(role: 'lead' | 'contributor' | 'member', docs = workspace()) {
  const sync = fakeSync(
    { workspace: 'acme', token: 't', role },
    { registry: docs.registry },
    'online',
    {
      a1: docs.assessment,
    },
  );
  const view = await render(
    <AssessmentView
      sync={sync}
      assessmentId="a1"
      role={role}
      me="Dana"
      user={{ name: 'Dana', colour: '#2e86de' }}
      now={() => AT}
    />,
  );
  await settle();
  return { view, ...docs, sync };
}
