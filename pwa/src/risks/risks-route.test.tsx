import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkspaceView } from '../app/WorkspaceView.tsx';
import type { Credentials } from '../session/join-link.ts';
import { fakeSync } from '../test-support/fake-sync.ts';
import { cleanup, render } from '../test-support/render.tsx';

afterEach(() => {
  cleanup();
  window.location.hash = '';
});

/** The lazy page has loaded once its heading shows. */
async function until(view: HTMLElement, heading: string) {
  for (let i = 0; i < 200 && view.querySelector('h1')?.textContent !== heading; i++) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 10)));
  }
}

const credentials = (role: Credentials['role']): Credentials => ({
  workspace: 'acme',
  token: 't',
  role,
  tokenId: 'tok1',
});

describe('#/risks and #/soa', () => {
  it('open the register for a lead, who may edit it', async () => {
    const who = credentials('lead');
    window.location.hash = '#/risks';
    const view = await render(
      <WorkspaceView path="risks" sync={fakeSync(who)} credentials={who} />,
    );
    await until(view, 'Risk register');
    expect(view.querySelector('h1')?.textContent).toBe('Risk register');
    expect(view.textContent).toContain('New risk');
  });

  it('open the SoA read only for a contributor', async () => {
    const who = credentials('contributor');
    window.location.hash = '#/soa';
    const view = await render(<WorkspaceView path="soa" sync={fakeSync(who)} credentials={who} />);
    await until(view, 'Statement of Applicability');
    expect(view.querySelector('h1')?.textContent).toBe('Statement of Applicability');
    expect(view.textContent).toContain('Read only');
    // Only the filters take input: no control can be edited.
    expect(view.querySelector('.soa-group select')).toBeNull();
  });
});
