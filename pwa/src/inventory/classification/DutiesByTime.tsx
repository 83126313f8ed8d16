import { useMemo } from 'react';
import type * as Y from 'yjs';
import {
  RULES_VERSION,
  classifyValidProfile,
  dutiesForWorkspace,
  dutyTiming,
  type Duty,
  type EuAiActProfile,
} from '../../../../shared/classification/index.ts';
import { useGovernance } from '../../settings/use-governance.ts';
import './duties.css';

interface Props {
  /** The answers as they stand in the questionnaire. */
  profile: EuAiActProfile;
  /** The registry, for what the workspace says about itself (Art. 27: a public body?). */
  registry: Y.Doc | undefined;
  /** The day the timing is read for, YYYY-MM-DD (passed in: never read from a clock here). */
  today: string;
  /** The stored suggestion, if one was recorded (with the rules version it was made under). */
  stored?: { rulesVersion?: string } | undefined;
}

const ROLE_WORDS = {
  deployer: 'deployer',
  provider: 'provider',
  'provider-and-deployer': 'provider and deployer',
} as const;

function DutyRow({ duty, today }: { duty: Duty; today: string }) {
  const timing = dutyTiming(duty.appliesFrom, today);
  return (
    <li className="duty">
      <span className={timing.appliesNow ? 'duty-when duty-now' : 'duty-when'}>{timing.label}</span>{' '}
      <cite>{duty.citation}</cite> ({duty.binds}): {duty.text}
    </li>
  );
}

/**
 * The duties a classification brings, the workspace's own first and the others as what to ask of
 * the provider, each saying when it applies ("applies now", "from 2 Dec 2027"), and the version of
 * the EU AI Act rules they were read from.
 */
export function DutiesByTime({ profile, registry, today, stored }: Props) {
  // The same classification, with the workspace's Art. 27 answer, as the tracker reads it.
  const { publicBodyOrPublicService } = useGovernance(registry);
  const result = useMemo(
    () =>
      classifyValidProfile(
        profile,
        publicBodyOrPublicService === undefined ? {} : { publicBodyOrPublicService },
      ),
    [profile, publicBodyOrPublicService],
  );
  const { own, others } = dutiesForWorkspace(result);
  const role = result.role;
  return (
    <div className="duties-by-time">
      <h4>
        Our duties as {ROLE_WORDS[role.effective]} ({own.length})
      </h4>
      {role.basis.length > 0 && (
        <p className="muted">
          We count as the provider too ({role.basis.join(', ')}), though the answers say{' '}
          {ROLE_WORDS[role.declared]}.
        </p>
      )}
      {own.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="duties">
          {own.map((duty, i) => (
            <DutyRow key={`${duty.id}-${duty.citation}-${i}`} duty={duty} today={today} />
          ))}
        </ul>
      )}
      {others.length > 0 && (
        <>
          <h4>
            What to ask of the {role.effective === 'provider' ? 'deployers' : 'provider'} (
            {others.length})
          </h4>
          <ul className="duties">
            {others.map((duty, i) => (
              <DutyRow key={`${duty.id}-${duty.citation}-${i}`} duty={duty} today={today} />
            ))}
          </ul>
        </>
      )}
      <p className="muted small rules-version">
        EU AI Act rules: version {RULES_VERSION}.
        {stored !== undefined && stored.rulesVersion !== RULES_VERSION && (
          <>
            {' '}
            <strong>
              {`The stored suggestion was made under ${
                stored.rulesVersion === undefined
                  ? 'an earlier version'
                  : `version ${stored.rulesVersion}`
              }: confirm it again to record it under this one.`}
            </strong>
          </>
        )}
      </p>
    </div>
  );
}
