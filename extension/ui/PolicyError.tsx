import type { StatusResponse } from '../background/messages.ts';

/** Why the browser's policy did not enrol this browser, in the words the popup and options page use. */
export function policyErrorSentence(error: NonNullable<StatusResponse['policyError']>): string {
  return `Your administrator’s browser policy did not enrol this browser: ${error.message}. Tell your IT team; until it is fixed, detection stays on this device.`;
}

/** The policy's enrolment failure, shown where the employee looks (popup and options page). */
export function PolicyError({ status }: { status: StatusResponse | undefined }) {
  if (!status?.policyError) return null;
  return (
    <p role="alert" className="error policy-error" data-testid="policy-error">
      {policyErrorSentence(status.policyError)}
    </p>
  );
}
