import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readGovernance } from '../../../shared/documents/registry/index.ts';
import { choose, cleanup, field, render } from '../test-support/render.tsx';
import { ApprovalsRequired } from './ApprovalsRequired.tsx';

afterEach(cleanup);

// docs/assessments.md, S5: the workspace chooses how many approvals a tier needs.
describe('reviewer approvals per tier', () => {
  it('saves a lead’s choice per tier, and the default as nothing stored', async () => {
    const registry = new Y.Doc();
    const view = await render(
      <ApprovalsRequired registry={registry} editable me="Dana" now={() => 1_000} />,
    );
    expect((field(view, 'Tier 1') as HTMLSelectElement).value).toBe('1');
    await choose(field(view, 'Tier 1'), '2');
    await choose(field(view, 'Tier 3'), '0');
    expect(readGovernance(registry).approvalsRequired).toEqual({ 'tier-1': 2, 'tier-3': 0 });
    expect(view.querySelector('[role="status"]')?.textContent).toBe('Tier 3: 0 approvals.');
    await choose(field(view, 'Tier 1'), '1');
    expect(readGovernance(registry).approvalsRequired).toEqual({ 'tier-3': 0 });
  });

  it('is read only for a contributor', async () => {
    const registry = new Y.Doc();
    const view = await render(
      <ApprovalsRequired registry={registry} editable={false} me="C" now={() => 1} />,
    );
    expect(view.querySelector('fieldset')?.disabled).toBe(true);
  });
});
