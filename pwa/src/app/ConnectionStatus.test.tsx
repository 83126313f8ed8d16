import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeToken } from '../test-support/fake-token.ts';
import { fakeSync } from '../test-support/fake-sync.ts';
import { cleanup, render } from '../test-support/render.tsx';
import { ConnectionStatus } from './ConnectionStatus.tsx';

afterEach(cleanup);

const credentials = {
  workspace: 'acme',
  token: fakeToken({ ws: 'acme', role: 'lead', jti: 'ab12' }),
  role: 'lead' as const,
};

describe('the connection status', () => {
  it('asks for a new version when the relay refuses a document this app is too old to read (S5)', async () => {
    const checkForUpdate = vi.fn();
    const view = await render(
      <ConnectionStatus
        sync={fakeSync(credentials, {}, 'update the app')}
        onUpdateRequired={checkForUpdate}
      />,
    );
    expect(view.querySelector('[aria-label="connection"]')?.textContent).toBe('update the app');
    expect(checkForUpdate).toHaveBeenCalledTimes(1);
  });

  it('asks nothing while the app reads everything it is given', async () => {
    const checkForUpdate = vi.fn();
    await render(
      <ConnectionStatus
        sync={fakeSync(credentials, {}, 'online')}
        onUpdateRequired={checkForUpdate}
      />,
    );
    expect(checkForUpdate).not.toHaveBeenCalled();
  });
});
