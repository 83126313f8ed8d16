import { LogIn } from 'lucide-react';
import './sso.css';
import { OUTCOME_WORDS, signInHref, type SsoInfo, type SsoOutcome } from './sso.ts';

/** "Sign in with <IdP>": a plain link to the relay, which sends the browser on (SSO7). */
export function SsoButton({
  sso,
  workspace,
  again,
}: {
  sso: SsoInfo;
  workspace?: string;
  again?: boolean;
}) {
  return (
    <a className="button primary sso-button" href={signInHref(workspace ?? sso.workspace)}>
      <LogIn size={16} aria-hidden />
      {again ? `Sign in with ${sso.name} again` : `Sign in with ${sso.name}`}
    </a>
  );
}

/** What a sign-in that gave no session came to: pending, removed, cancelled, failed. */
export function SsoOutcomeNotice({ outcome }: { outcome: SsoOutcome }) {
  const words = OUTCOME_WORDS[outcome];
  return (
    <section className="notice sso-outcome" role="status" aria-labelledby="sso-outcome-title">
      <h2 id="sso-outcome-title">{words.title}</h2>
      <p>{words.text}</p>
    </section>
  );
}
