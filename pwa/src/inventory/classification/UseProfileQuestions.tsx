import {
  ANNEX_I_SECTIONS,
  ANNEX_III_POINTS,
  ART_25_TRIGGERS,
  ART_6_3_CONDITIONS,
  BIOMETRIC_CATEGORISATION,
  PROFILE_QUESTIONS,
  PROHIBITED_PRACTICES,
  ROLES,
  type EuAiActProfile,
  type ProfileQuestion,
  type ProfileValue,
} from '../../../../shared/classification/index.ts';
import { ProfileChoice } from './ProfileChoice.tsx';

type ListField = 'prohibitedPractices' | 'annexIII' | 'art63' | 'art25';
export type ChoiceField = 'role' | 'annexISection' | 'biometricCategorisation';
export interface ProfileAnswer {
  question: string;
  value?: string;
  on: boolean;
}

const TRANSPARENCY_QUESTIONS: ProfileQuestion[] = [
  'interactsWithPeople',
  'generatesSyntheticContent',
  'emotionRecognition',
  'deepFake',
  'publicInterestText',
];

interface Props {
  profile: EuAiActProfile;
  editable: boolean;
  /** One tick or untick, kept at once. */
  onAnswer(answer: ProfileAnswer): void;
  /** One choice (the role, the Annex I section, what a categorisation infers), kept at once. */
  onChoose(field: ChoiceField, value: string | undefined): void;
}

/** The EU AI Act use profile as questions: role, Art. 5, Art. 6 and Annex III, Art. 50. */
export function UseProfileQuestions({ profile, editable, onAnswer, onChoose }: Props) {
  const checkboxes = (field: ListField, values: readonly ProfileValue[]) =>
    values.map((entry) => (
      <label key={entry.value} className="check">
        <input
          type="checkbox"
          checked={(profile[field] as string[]).includes(entry.value)}
          onChange={(event) =>
            onAnswer({ question: field, value: entry.value, on: event.target.checked })
          }
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
          onChange={(event) => onAnswer({ question, on: event.target.checked })}
        />{' '}
        {PROFILE_QUESTIONS[question]}
      </label>
    ));
  const choose = (field: ChoiceField) => (value: string | undefined) => onChoose(field, value);

  return (
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
  );
}
