import type * as Y from 'yjs';
import { fakeSync } from '../test-support/fake-sync.ts';
import { render } from '../test-support/render.tsx';
import { AssessmentList } from './AssessmentList.tsx';

export const AT = Date.UTC(2026, 2, 10, 12);

/** The open Radix dialog (portalled to the body). */
export const dialog = () => document.body.querySelector<HTMLElement>('[role="dialog"]')!;

/**
 * The assessments page on a fake workspace sync over `registry`, as `role`: the assessment
 * documents it creates land in `stored`, the pages it opens in `visited`.
 */
export async function renderAssessmentList(role: 'lead' | 'contributor', registry: Y.Doc) {
  const stored: Record<string, Y.Doc> = {};
  const sync = fakeSync({ workspace: 'acme', token: 't', role }, { registry }, 'online', stored);
  const visited: string[] = [];
  const view = await render(
    <AssessmentList
      registry={registry}
      canCreate={sync.access.get('registry') === 'write'}
      openAssessment={sync.openAssessment}
      me="Dana"
      now={() => AT + 1_000}
      navigate={(hash) => visited.push(hash)}
    />,
  );
  return { view, registry, stored, visited, sync };
}
