import { afterEach, describe, expect, it } from 'vitest';
import { Options } from '../options/Options.tsx';
import { Popup } from '../popup/Popup.tsx';
import { fakeBackgroundClient, notEnrolledStatus } from './fake-background-client.ts';
import { policyErrorSentence } from './PolicyError.tsx';
import { cleanup, render } from './render-for-test.tsx';

afterEach(cleanup);

const policyError = { message: 'the relay refused the code: this code has expired', at: 1 };
const client = () =>
  fakeBackgroundClient({ status: async () => ({ ...notEnrolledStatus, policyError }) });

describe('a failed enrolment by policy, where the employee looks', () => {
  it('is said in the popup and the options page, in the same words', async () => {
    const popup = await render(<Popup client={client()} url={undefined} openOptions={() => {}} />);
    const inPopup = popup.container.querySelector('[data-testid=policy-error]');
    expect(inPopup?.getAttribute('role')).toBe('alert');
    expect(inPopup?.textContent).toBe(policyErrorSentence(policyError));
    expect(inPopup?.textContent).toContain('this code has expired');
    cleanup();
    const options = await render(<Options client={client()} />);
    expect(options.container.querySelector('[data-testid=policy-error]')?.textContent).toBe(
      policyErrorSentence(policyError),
    );
  });

  it('is not there when the policy did not fail', async () => {
    const popup = await render(
      <Popup client={fakeBackgroundClient()} url={undefined} openOptions={() => {}} />,
    );
    expect(popup.container.querySelector('[data-testid=policy-error]')).toBeNull();
  });
});
