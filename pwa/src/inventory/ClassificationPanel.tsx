import { useMemo, useState, type FormEvent } from 'react';
import type * as Y from 'yjs';
import {
  ANNEX_I_SECTIONS,
  ANNEX_III_POINTS,
  ART_25_TRIGGERS,
  ART_6_3_CONDITIONS,
  BIOMETRIC_CATEGORISATION,
  ROLES,
  isoDay,
  EU_AI_ACT_CATEGORIES,
  PROFILE_QUESTIONS,
  PROHIBITED_PRACTICES,
  suggestTier,
  type EuAiActCategory,
  emptyEuAiActProfile,
  type EuAiActProfile,
  type ProfileQuestion,
  type ProfileValue,
} from '../../../shared/classification/index.ts';
import {
  decideEuAiActCategory,
  decideTier,
  setUseProfile,
  type RecordClassification,
} from '../../../shared/documents/registry/index.ts';
import { useTierScheme } from '../settings/use-tier-scheme.ts';
import { EU_AI_ACT_LABELS, formatDay, tierName } from './classification-words.ts';
import { DutiesByTime } from './classification/DutiesByTime.tsx';
import { ProfileChoice } from './classification/ProfileChoice.tsx';

type ListField = 'prohibitedPractices' | 'annexIII' | 'art63' | 'art25';

const EMPTY_PROFILE: EuAiActProfile = emptyEuAiActProfile();

const TRANSPARENCY_QUESTIONS: ProfileQuestion[] = [
  'interactsWithPeople',
  'generatesSyntheticContent',
  'emotionRecognition',
  'deepFake',
  'publicInterestText',
];

interface Props {
  recordId: string;
  classification: RecordClassification | undefined;
  registry: Y.Doc | undefined;
  canEdit: boolean;
  /** Who is recorded as deciding (the token id, or the role). */
  me: string;
  now?: () => number;
}

/**
 * The EU AI Act use profile of a record, the category and tier it suggests with their basis, and
 * the lead's decision: confirm, or override with a reason that is kept (brief, decision 7).
 * Mount it with `key={recordId}` so that the answers start from the record's stored profile.
 */
export function ClassificationPanel({
  recordId,
  classification,
  registry,
  canEdit,
  me,
  now = Date.now,
}: Props) {
  const [profile, setProfile] = useState<EuAiActProfile>(
    () => classification?.profile ?? EMPTY_PROFILE,
  );
  const [overriding, setOverriding] = useState(false);
  // The workspace's own tiers (settings), the default Tier 1/2/3 until it has its own.
  const tiers = useTierScheme(registry);
  const suggestion = useMemo(() => suggestTier(profile, tiers.scheme), [profile, tiers.scheme]);
  const euAiAct = suggestion.euAiAct;
  const [category, setCategory] = useState<EuAiActCategory>(euAiAct.category);
  const [tier, setTier] = useState(suggestion.tier.id);
  const [reason, setReason] = useState('');
  const [message, setMessage] = useState<{ kind: 'saved' | 'error'; text: string }>();
  const editable = canEdit && registry !== undefined;

  const toggle = (field: ListField, value: string, on: boolean) =>
    setProfile((p) => {
      const list = (p[field] as string[]).filter((v) => v !== value);
      return { ...p, [field]: on ? [...list, value] : list };
    });
  const answer = (question: ProfileQuestion, on: boolean) =>
    setProfile((p) => ({ ...p, [question]: on }));
  const choose =
    (field: 'role' | 'annexISection' | 'biometricCategorisation') => (value: string | undefined) =>
      setProfile((p) => ({ ...p, [field]: field === 'role' ? (value ?? 'deployer') : value }));

  function record(write: (doc: Y.Doc, at: number) => void, done: string) {
    if (!editable) return;
    try {
      registry.transact(() => write(registry, now()));
      setMessage({ kind: 'saved', text: done });
      setOverriding(false);
      setReason('');
    } catch (error) {
      setMessage({ kind: 'error', text: error instanceof Error ? error.message : String(error) });
    }
  }

  function confirm() {
    record((doc, at) => {
      setUseProfile(doc, recordId, profile, me, at);
      decideEuAiActCategory(doc, recordId, {
        category: euAiAct.category,
        confirmed: true,
        by: me,
        at,
      });
      decideTier(doc, recordId, {
        suggested: suggestion.tier.id,
        decided: suggestion.tier.id,
        suggestedReasons: suggestion.reasons,
        by: me,
        at,
      });
    }, `Confirmed: ${EU_AI_ACT_LABELS[euAiAct.category]}, ${suggestion.tier.name}.`);
  }

  function override(event: FormEvent) {
    event.preventDefault();
    const why = reason.trim();
    if (why === '') {
      setMessage({
        kind: 'error',
        text: 'An override needs a reason: it is kept with the decision.',
      });
      return;
    }
    record(
      (doc, at) => {
        setUseProfile(doc, recordId, profile, me, at);
        decideEuAiActCategory(doc, recordId, {
          category,
          confirmed: false,
          overrideReason: why,
          by: me,
          at,
        });
        decideTier(doc, recordId, {
          suggested: suggestion.tier.id,
          decided: tier,
          reason: why,
          suggestedReasons: suggestion.reasons,
          by: me,
          at,
        });
      },
      `Overridden: ${EU_AI_ACT_LABELS[category]}, ${tierName(tier, tiers)}.`,
    );
  }

  const checkboxes = (field: ListField, values: readonly ProfileValue[]) =>
    values.map((entry) => (
      <label key={entry.value} className="check">
        <input
          type="checkbox"
          checked={(profile[field] as string[]).includes(entry.value)}
          onChange={(event) => toggle(field, entry.value, event.target.checked)}
        />{' '}
        {entry.label} <span className="citation">({entry.citation})</span>
      </label>
    ));
  const questions = (list: ProfileQuestion[]) =>
    list.map((question) => (
      <label key={question} className="check">
        <input
          type="checkbox"
          checked={profile[question]}
          onChange={(event) => answer(question, event.target.checked)}
        />{' '}
        {PROFILE_QUESTIONS[question]}
      </label>
    ));

  const decision = classification?.decision;
  const tierDecision = classification?.tier;

  return (
    <section className="classification-panel" aria-labelledby="classification-heading">
      <h2 id="classification-heading">Classification</h2>
      <fieldset disabled={!editable} className="questionnaire">
        <legend>Use profile</legend>
        <fieldset>
          <legend>Our role (Art. 3, Art. 25)</legend>
          <ProfileChoice
            label="For this system we are"
            values={ROLES}
            value={profile.role}
            onChange={choose('role')}
          />
          <p className="muted">
            Have we done any of these to it (they make a deployer its provider)?
          </p>
          {checkboxes('art25', ART_25_TRIGGERS)}
        </fieldset>
        <fieldset>
          <legend>Prohibited practices (Art. 5(1)): is it used for…</legend>
          {checkboxes('prohibitedPractices', PROHIBITED_PRACTICES)}
        </fieldset>
        <fieldset>
          <legend>High-risk (Art. 6)</legend>
          {questions(['annexISafetyComponent'])}
          {profile.annexISafetyComponent && (
            <ProfileChoice
              label="Annex I section"
              values={ANNEX_I_SECTIONS}
              value={profile.annexISection}
              none="Not known (treated as Section A)"
              onChange={choose('annexISection')}
            />
          )}
          <p className="muted">Is it used in one of these areas of Annex III?</p>
          {checkboxes('annexIII', ANNEX_III_POINTS)}
          <p className="muted">For an Annex III use: does it only do one of these (Art. 6(3))?</p>
          {checkboxes('art63', ART_6_3_CONDITIONS)}
          {questions(['profilesNaturalPersons'])}
        </fieldset>
        <fieldset>
          <legend>Transparency (Art. 50)</legend>
          {questions(TRANSPARENCY_QUESTIONS)}
          <ProfileChoice
            label="Does it categorise people by their biometric data? By what?"
            values={BIOMETRIC_CATEGORISATION}
            value={profile.biometricCategorisation}
            none="It does not categorise people"
            onChange={choose('biometricCategorisation')}
          />
        </fieldset>
      </fieldset>

      <div className="suggestion" aria-live="polite">
        <h3>Suggested EU AI Act category</h3>
        <p className="suggested-category">
          <strong>{EU_AI_ACT_LABELS[euAiAct.category]}</strong>
        </p>
        <ul className="basis">
          {euAiAct.explanations.map((explanation) => (
            <li key={explanation.citation}>
              <cite>{explanation.citation}</cite>: {explanation.text}
            </li>
          ))}
        </ul>
        {euAiAct.notes.length > 0 && (
          <ul className="notes muted">
            {euAiAct.notes.map((note) => (
              <li key={note}>{note}</li>
            ))}
          </ul>
        )}
        <DutiesByTime
          profile={profile}
          registry={registry}
          today={isoDay(now())}
          stored={classification?.suggested}
        />
        <h3>Suggested tier</h3>
        <p className="suggested-tier">
          <strong>{suggestion.tier.name}</strong>{' '}
          <span className="muted">{suggestion.tier.description}</span>
        </p>
        <ul className="tier-reasons">
          {suggestion.reasons.map((why) => (
            <li key={why}>{why}</li>
          ))}
        </ul>
        <p className="muted">A suggestion: a lead confirms it or overrides it with a reason.</p>
      </div>

      <div className="decision">
        <h3>Decision</h3>
        {decision ? (
          <p className="decided-category">
            EU AI Act: <strong>{EU_AI_ACT_LABELS[decision.category]}</strong>,{' '}
            {decision.confirmed ? 'confirmed' : 'overridden'} by {decision.by} on{' '}
            {formatDay(decision.at)}.
            {decision.overrideReason !== undefined && (
              <>
                {' '}
                Reason: <q className="override-reason">{decision.overrideReason}</q>
              </>
            )}
          </p>
        ) : (
          <p className="muted">No decision on the EU AI Act category yet.</p>
        )}
        {tierDecision && (
          <p className="decided-tier">
            Tier: <strong>{tierName(tierDecision.decided, tiers)}</strong> (suggested{' '}
            {tierName(tierDecision.suggested, tiers)}), by {tierDecision.by} on{' '}
            {formatDay(tierDecision.at)}.
            {tierDecision.reason !== undefined && <> Reason: {tierDecision.reason}</>}
          </p>
        )}
        {editable ? (
          overriding ? (
            <form className="override" aria-label="Override the suggestion" onSubmit={override}>
              <label>
                EU AI Act category
                <select
                  value={category}
                  onChange={(event) => setCategory(event.target.value as EuAiActCategory)}
                >
                  {EU_AI_ACT_CATEGORIES.map((c) => (
                    <option key={c} value={c}>
                      {EU_AI_ACT_LABELS[c]}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Tier
                <select value={tier} onChange={(event) => setTier(event.target.value)}>
                  {tiers.scheme.tiers.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                Reason (kept with the decision)
                <textarea
                  value={reason}
                  rows={3}
                  maxLength={1000}
                  onChange={(event) => setReason(event.target.value)}
                />
              </label>
              <button type="submit">Save override</button>{' '}
              <button type="button" onClick={() => setOverriding(false)}>
                Cancel
              </button>
            </form>
          ) : (
            <p className="actions">
              <button type="button" onClick={confirm}>
                Confirm
              </button>{' '}
              <button
                type="button"
                onClick={() => {
                  setCategory(euAiAct.category);
                  setTier(suggestion.tier.id);
                  setOverriding(true);
                }}
              >
                Override
              </button>
            </p>
          )
        ) : (
          <p className="muted">
            Only admins and leads decide a classification; you can read it here.
          </p>
        )}
        {message && (
          <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
            {message.text}
          </p>
        )}
      </div>
    </section>
  );
}
