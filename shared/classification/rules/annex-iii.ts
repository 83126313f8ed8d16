// Art. 6(2) and Annex III: every high-risk point with its letter, in the order of the Annex. The
// words are our summary of Regulation (EU) 2024/1689, Annex III (checked against the published
// text, OJ L, 12.7.2024); points 6 and 7 are given with their letters (a)–(e) and (a)–(d).
import type { RuleSourceId } from './sources.ts';

export interface AnnexIIIRule {
  /** The profile value (`annexIII`). */
  value: string;
  citation: string;
  label: string;
  /** The point's deployers are public authorities (or act for them) by the Annex's own words. */
  publicByDefinition?: true;
  source: RuleSourceId;
}

export const ANNEX_III = [
  {
    value: 'biometrics.remote-identification',
    citation: 'Annex III 1(a)',
    label:
      'biometrics: remote biometric identification — not biometric verification whose sole purpose is to confirm that a person is who they claim to be (face unlock, ID checks)',
    source: 'reg-2024-1689',
  },
  {
    value: 'biometrics.categorisation',
    citation: 'Annex III 1(b)',
    label:
      'biometrics: biometric categorisation according to sensitive or protected attributes or characteristics, inferred from biometric data',
    source: 'reg-2024-1689',
  },
  {
    value: 'biometrics.emotion-recognition',
    citation: 'Annex III 1(c)',
    label: 'biometrics: emotion recognition',
    source: 'reg-2024-1689',
  },
  {
    value: 'critical-infrastructure',
    citation: 'Annex III 2',
    label:
      'critical infrastructure: a safety component in the management and operation of critical digital infrastructure, road traffic, or the supply of water, gas, heating or electricity',
    source: 'reg-2024-1689',
  },
  {
    value: 'education.admission',
    citation: 'Annex III 3(a)',
    label: 'education and vocational training: access or admission',
    source: 'reg-2024-1689',
  },
  {
    value: 'education.evaluation',
    citation: 'Annex III 3(b)',
    label: 'education and vocational training: evaluating learning outcomes',
    source: 'reg-2024-1689',
  },
  {
    value: 'education.level-assessment',
    citation: 'Annex III 3(c)',
    label: 'education and vocational training: deciding the level of education a person receives',
    source: 'reg-2024-1689',
  },
  {
    value: 'education.test-monitoring',
    citation: 'Annex III 3(d)',
    label: 'education and vocational training: monitoring and detecting cheating in tests',
    source: 'reg-2024-1689',
  },
  {
    value: 'employment.recruitment',
    citation: 'Annex III 4(a)',
    label:
      'employment: recruitment and selection (targeted job ads, filtering applications, evaluating candidates)',
    source: 'reg-2024-1689',
  },
  {
    value: 'employment.work-decisions',
    citation: 'Annex III 4(b)',
    label:
      'employment: decisions on promotion, termination or task allocation based on behaviour or traits, monitoring and evaluating performance',
    source: 'reg-2024-1689',
  },
  {
    value: 'essential-services.public-benefits',
    citation: 'Annex III 5(a)',
    label:
      'essential services: by or on behalf of public authorities, evaluating eligibility for essential public assistance benefits and services (healthcare included), or granting, reducing, revoking or reclaiming them',
    publicByDefinition: true,
    source: 'reg-2024-1689',
  },
  {
    value: 'essential-services.creditworthiness',
    citation: 'Annex III 5(b)',
    label: 'essential services: creditworthiness and credit scores (other than fraud detection)',
    source: 'reg-2024-1689',
  },
  {
    value: 'essential-services.insurance-pricing',
    citation: 'Annex III 5(c)',
    label: 'essential services: risk assessment and pricing in life and health insurance',
    source: 'reg-2024-1689',
  },
  {
    value: 'essential-services.emergency-triage',
    citation: 'Annex III 5(d)',
    label: 'essential services: evaluating and classifying emergency calls, dispatch and triage',
    source: 'reg-2024-1689',
  },
  {
    value: 'law-enforcement.victim-risk',
    citation: 'Annex III 6(a)',
    label:
      'law enforcement: by or for law-enforcement authorities, assessing the risk of a person becoming the victim of a criminal offence',
    publicByDefinition: true,
    source: 'reg-2024-1689',
  },
  {
    value: 'law-enforcement.polygraph',
    citation: 'Annex III 6(b)',
    label: 'law enforcement: polygraphs or similar tools',
    publicByDefinition: true,
    source: 'reg-2024-1689',
  },
  {
    value: 'law-enforcement.evidence-reliability',
    citation: 'Annex III 6(c)',
    label:
      'law enforcement: evaluating the reliability of evidence in the investigation or prosecution of criminal offences',
    publicByDefinition: true,
    source: 'reg-2024-1689',
  },
  {
    value: 'law-enforcement.offending-risk',
    citation: 'Annex III 6(d)',
    label:
      'law enforcement: assessing the risk of a person offending or re-offending not solely on the basis of profiling, or assessing personality traits or past criminal behaviour (solely on profiling: prohibited, Art. 5(1)(d))',
    publicByDefinition: true,
    source: 'reg-2024-1689',
  },
  {
    value: 'law-enforcement.profiling',
    citation: 'Annex III 6(e)',
    label:
      'law enforcement: profiling of natural persons in the detection, investigation or prosecution of criminal offences',
    publicByDefinition: true,
    source: 'reg-2024-1689',
  },
  {
    value: 'migration.polygraph',
    citation: 'Annex III 7(a)',
    label: 'migration, asylum and border control: polygraphs or similar tools',
    publicByDefinition: true,
    source: 'reg-2024-1689',
  },
  {
    value: 'migration.risk-assessment',
    citation: 'Annex III 7(b)',
    label:
      'migration, asylum and border control: assessing a security, irregular-migration or health risk posed by a person who intends to enter or has entered a Member State',
    publicByDefinition: true,
    source: 'reg-2024-1689',
  },
  {
    value: 'migration.applications',
    citation: 'Annex III 7(c)',
    label:
      'migration, asylum and border control: examining applications for asylum, visas or residence permits and related complaints, including the reliability of evidence',
    publicByDefinition: true,
    source: 'reg-2024-1689',
  },
  {
    value: 'migration.identification',
    citation: 'Annex III 7(d)',
    label:
      'migration, asylum and border control: detecting, recognising or identifying persons (other than verifying travel documents)',
    publicByDefinition: true,
    source: 'reg-2024-1689',
  },
  {
    value: 'justice.judicial',
    citation: 'Annex III 8(a)',
    label:
      'administration of justice: by or for a judicial authority, researching and interpreting facts and the law and applying the law to facts (or the same in alternative dispute resolution)',
    publicByDefinition: true,
    source: 'reg-2024-1689',
  },
  {
    value: 'justice.elections',
    citation: 'Annex III 8(b)',
    label: 'democratic processes: influencing the outcome of elections or voting behaviour',
    source: 'reg-2024-1689',
  },
] as const satisfies readonly AnnexIIIRule[];

/**
 * Values accepted from profiles written before the lettered points of 6 and 7 existed: they still
 * parse (and classify as high-risk under the whole area), the questionnaire no longer offers them.
 */
export const ANNEX_III_DEPRECATED = [
  {
    value: 'law-enforcement',
    citation: 'Annex III 6',
    label: 'law enforcement (the lettered point, 6(a)–(e), not yet given)',
    publicByDefinition: true,
    source: 'reg-2024-1689',
  },
  {
    value: 'migration',
    citation: 'Annex III 7',
    label: 'migration, asylum and border control (the lettered point, 7(a)–(d), not yet given)',
    publicByDefinition: true,
    source: 'reg-2024-1689',
  },
] as const satisfies readonly AnnexIIIRule[];
