import { useState } from 'react';
import type { Failure } from '../background/messages.ts';
import { answer, isFailure, messageOf } from '../ui/answer.ts';

export type Outcome = { kind: 'sent' } | { kind: 'error'; error: string } | undefined;

/**
 * Sending one of the popup's forms to the worker: one send at a time, the worker's refusal or a
 * lost answer shown as an error (what was typed stays), `onSent` once it is recorded.
 */
export function useSend(onSent: () => void) {
  const [sending, setSending] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  async function send(request: () => Promise<{ ok: true } | Failure>) {
    if (sending) return;
    setSending(true);
    setOutcome(undefined);
    try {
      const reply = await answer(request(), (r) => isFailure(r) || r.ok === true);
      if ('error' in reply) setOutcome({ kind: 'error', error: reply.error });
      else {
        setOutcome({ kind: 'sent' });
        onSent();
      }
    } catch (error) {
      setOutcome({ kind: 'error', error: messageOf(error) });
    } finally {
      setSending(false);
    }
  }
  return { sending, outcome, setOutcome, send };
}
