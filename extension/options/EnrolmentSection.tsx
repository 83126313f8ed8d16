import { useId, useState, type FormEvent } from 'react';
import type { BackgroundClient } from '../background/background-client.ts';
import type { ConnectionState, StatusResponse } from '../background/messages.ts';
import { PolicyError } from '../ui/PolicyError.tsx';
import { parseEnrolment } from './enrolment-link.ts';
import { answer, isFailure, messageOf } from '../ui/answer.ts';

const CONNECTION_WORDS: Record<ConnectionState, string> = {
  'not-enrolled': 'Not connected yet.',
  offline: 'Offline: what is recorded waits on this device until the network returns.',
  connecting: 'Connecting…',
  connected: 'Connected.',
};

interface Props {
  client: BackgroundClient;
  status: StatusResponse | undefined;
  onEnrolled(): void;
}

/** Enrolment: where this browser reports to, and the form that enrols it. */
export function EnrolmentSection({ client, status, onEnrolled }: Props) {
  const enrolled = status?.enrolled === true;
  // Kept here, not in the form: a successful enrolment moves the form into <details>.
  const [joined, setJoined] = useState<string>();
  const enrolledIn = (workspace: string) => {
    setJoined(workspace);
    onEnrolled();
  };
  return (
    <section aria-labelledby="enrolment">
      <h2 id="enrolment">Enrolment</h2>
      <PolicyError status={status} />
      {enrolled ? (
        <p data-testid="enrolment-state">
          This browser reports to the workspace <strong>{status.workspace ?? 'unknown'}</strong>{' '}
          through the relay <span className="host">{status.relayUrl ?? 'unknown'}</span>.{' '}
          {CONNECTION_WORDS[status.connection]}
        </p>
      ) : (
        <p data-testid="enrolment-state">
          Not enrolled: detection works on this device only, and nothing leaves your browser. To
          share with your workspace, paste the enrolment link your governance team sent you.
        </p>
      )}
      {joined !== undefined && (
        <p role="status" className="success">
          Enrolled in the workspace {joined}.
        </p>
      )}
      {enrolled ? (
        <details>
          <summary>Enrol in another workspace</summary>
          <EnrolmentForm client={client} onEnrolled={enrolledIn} />
        </details>
      ) : (
        <EnrolmentForm client={client} onEnrolled={enrolledIn} />
      )}
    </section>
  );
}

interface FormProps {
  client: BackgroundClient;
  onEnrolled(workspace: string): void;
}

function EnrolmentForm({ client, onEnrolled }: FormProps) {
  const id = useId();
  const [link, setLink] = useState('');
  const [relay, setRelay] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  const enrol = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const parsed = parseEnrolment(link, relay);
    if ('error' in parsed) return setError(parsed.error);
    setBusy(true);
    setError(undefined);
    try {
      const reply = await answer(
        client.enrol(parsed.code, parsed.relayUrl),
        (r) => isFailure(r) || typeof r.workspace === 'string',
      );
      if ('error' in reply) {
        setError(reply.error);
      } else {
        setLink('');
        setRelay('');
        onEnrolled(reply.workspace);
      }
    } catch (failure) {
      setError(messageOf(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="stack" onSubmit={enrol} noValidate aria-label="Enrol this browser">
      <label htmlFor={`${id}-link`}>Enrolment link or code</label>
      <input
        id={`${id}-link`}
        type="text"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://relay.example.com/#/enrol?code=…"
        value={link}
        onChange={(e) => setLink(e.target.value)}
      />
      <label htmlFor={`${id}-relay`}>Relay address (only with a code)</label>
      <input
        id={`${id}-relay`}
        type="url"
        autoComplete="off"
        spellCheck={false}
        placeholder="https://relay.example.com"
        value={relay}
        onChange={(e) => setRelay(e.target.value)}
      />
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Enrolling…' : 'Enrol'}
      </button>
      {error !== undefined && (
        <p role="alert" className="error">
          Not enrolled: {error}
        </p>
      )}
    </form>
  );
}
