// Every duty the classifier can name, as data: its citation, our words for it, the role it binds
// (provider or deployer), the day it applies from and where it was read. Which duties a system owes
// is the classifier's logic (eu-ai-act.ts); what each duty says and when it applies is here, so an
// amendment is a data change with a line in the changelog (version.ts).
import type { DateKey } from './dates.ts';
import type { RuleSourceId } from './sources.ts';

export type BoundRole = 'provider' | 'deployer';

export interface ObligationRule {
  id: string;
  citation: string;
  /** What the role must do, in our words. */
  text: string;
  binds: BoundRole;
  /**
   * A key of APPLICATION_DATES, or `by-classification`: the day depends on why the system owes it
   * (the prohibited practice's own day; Annex III or Annex I for the high-risk regime).
   */
  appliesFrom: DateKey | 'by-classification';
  /** Which systems it concerns, in a few words. */
  concerns: string;
  source: RuleSourceId;
  note?: string;
}

export const OBLIGATIONS = [
  // ————— every AI system —————
  {
    id: 'art-4-provider',
    citation: 'Art. 4',
    text: 'AI literacy: take measures to support the AI literacy of staff and others who operate or use AI systems on its behalf (no specific level is required of any individual)',
    binds: 'provider',
    appliesFrom: 'prohibitions-2025',
    concerns: 'every AI system',
    source: 'domain-review-2026-12',
    note: 'Art. 4 as replaced by the 2026 Digital Omnibus on AI: a duty to support literacy, no longer to ensure a sufficient level.',
  },
  {
    id: 'art-4-deployer',
    citation: 'Art. 4',
    text: 'AI literacy: take measures to support the AI literacy of staff and others who operate or use the system on its behalf (no specific level is required of any individual)',
    binds: 'deployer',
    appliesFrom: 'prohibitions-2025',
    concerns: 'every AI system',
    source: 'domain-review-2026-12',
    note: 'Art. 4 as replaced by the 2026 Digital Omnibus on AI.',
  },
  // ————— prohibited practices —————
  {
    id: 'art-5-provider',
    citation: 'Art. 5',
    text: 'prohibited practice: do not place on the market or put into service an AI system for this practice',
    binds: 'provider',
    appliesFrom: 'by-classification',
    concerns: 'a prohibited practice (the day is the practice’s own)',
    source: 'reg-2024-1689',
  },
  {
    id: 'art-5-deployer',
    citation: 'Art. 5',
    text: 'prohibited practice: do not use the system for this practice — stop its use',
    binds: 'deployer',
    appliesFrom: 'by-classification',
    concerns: 'a prohibited practice (the day is the practice’s own)',
    source: 'reg-2024-1689',
  },
  // ————— high-risk: the provider —————
  {
    id: 'art-16',
    citation: 'Art. 16',
    text: 'provider duties: meet the requirements of Arts 8–15, run a quality management system (Art. 17), keep the documentation and logs (Arts 18–19), pass the conformity assessment (Art. 43), draw up the EU declaration and affix the CE marking (Arts 47–48), give instructions for use (Art. 13), take corrective action (Art. 20)',
    binds: 'provider',
    appliesFrom: 'by-classification',
    concerns: 'high-risk systems',
    source: 'reg-2024-1689',
  },
  {
    id: 'art-49-1',
    citation: 'Art. 49(1)',
    text: 'register itself and the system in the EU database (Art. 71) before placing it on the market or putting it into service',
    binds: 'provider',
    appliesFrom: 'by-classification',
    concerns:
      'Annex III high-risk systems other than point 2 (those are registered nationally, Art. 49(5))',
    source: 'reg-2024-1689',
  },
  {
    id: 'art-73',
    citation: 'Art. 73',
    text: 'report any serious incident to the market-surveillance authority (at the latest 15 days after becoming aware; 10 days for a death; 2 days for a widespread infringement or critical infrastructure)',
    binds: 'provider',
    appliesFrom: 'by-classification',
    concerns: 'high-risk systems',
    source: 'domain-review-2026-12',
  },
  // ————— high-risk: the deployer (Art. 26, 27, 86) —————
  {
    id: 'art-26-1',
    citation: 'Art. 26(1)',
    text: 'use the system in accordance with the provider’s instructions for use (take technical and organisational measures to do so)',
    binds: 'deployer',
    appliesFrom: 'by-classification',
    concerns: 'high-risk systems',
    source: 'reg-2024-1689',
  },
  {
    id: 'art-26-2',
    citation: 'Art. 26(2)',
    text: 'assign human oversight to people who have the competence, training and authority it needs, and the support they need',
    binds: 'deployer',
    appliesFrom: 'by-classification',
    concerns: 'high-risk systems',
    source: 'reg-2024-1689',
  },
  {
    id: 'art-26-4',
    citation: 'Art. 26(4)',
    text: 'as far as it controls the input data, make sure the data is relevant and sufficiently representative for the system’s intended purpose',
    binds: 'deployer',
    appliesFrom: 'by-classification',
    concerns: 'high-risk systems',
    source: 'reg-2024-1689',
  },
  {
    id: 'art-26-5',
    citation: 'Art. 26(5)',
    text: 'monitor its operation per the instructions; when its use may present a risk, inform the provider or distributor and the market-surveillance authority and suspend use; on a serious incident, immediately inform first the provider, then the importer or distributor and the market-surveillance authority (Art. 73)',
    binds: 'deployer',
    appliesFrom: 'by-classification',
    concerns: 'high-risk systems',
    source: 'domain-review-2026-12',
  },
  {
    id: 'art-26-6',
    citation: 'Art. 26(6)',
    text: 'keep the logs the system generates automatically, as far as they are under its control, for at least six months',
    binds: 'deployer',
    appliesFrom: 'by-classification',
    concerns: 'high-risk systems',
    source: 'reg-2024-1689',
  },
  {
    id: 'art-26-7',
    citation: 'Art. 26(7)',
    text: 'before putting it into service or using it at the workplace, inform the workers’ representatives and the affected workers that they will be subject to it',
    binds: 'deployer',
    appliesFrom: 'by-classification',
    concerns: 'high-risk systems used at the workplace',
    source: 'domain-review-2026-12',
  },
  {
    id: 'art-26-8',
    citation: 'Art. 26(8)',
    text: 'if the deployer is a public authority (or a Union institution, body, office or agency): register its use in the EU database (Art. 49(3)), and do not use a system that is not registered there',
    binds: 'deployer',
    appliesFrom: 'by-classification',
    concerns: 'high-risk systems used by public authorities',
    source: 'domain-review-2026-12',
  },
  {
    id: 'art-26-9',
    citation: 'Art. 26(9)',
    text: 'use the information the provider gives under Art. 13 to carry out the data-protection impact assessment (GDPR Art. 35) where one is required',
    binds: 'deployer',
    appliesFrom: 'by-classification',
    concerns: 'high-risk systems',
    source: 'domain-review-2026-12',
  },
  {
    id: 'art-26-11',
    citation: 'Art. 26(11)',
    text: 'inform the natural persons it makes or helps make decisions about that they are subject to a high-risk AI system',
    binds: 'deployer',
    appliesFrom: 'by-classification',
    concerns: 'Annex III high-risk systems that make or assist decisions about people',
    source: 'domain-review-2026-12',
  },
  {
    id: 'art-26-12',
    citation: 'Art. 26(12)',
    text: 'cooperate with the competent authorities in any action they take about the system',
    binds: 'deployer',
    appliesFrom: 'by-classification',
    concerns: 'high-risk systems',
    source: 'domain-review-2026-12',
  },
  {
    id: 'art-27',
    citation: 'Art. 27',
    text: 'fundamental-rights impact assessment (FRIA) before first use, notified to the market-surveillance authority (Art. 27(3)); record it in the ISO 42001 impact assessment (6.1.4), alongside the DPIA (Art. 27(4))',
    binds: 'deployer',
    appliesFrom: 'by-classification',
    concerns:
      'Annex III high-risk systems (not point 2) whose deployer is a body governed by public law or a private entity providing public services; always for 5(b) and 5(c)',
    source: 'reg-2024-1689',
  },
  {
    id: 'art-86',
    citation: 'Art. 86',
    text: 'on request, give a person affected by a decision taken on the basis of the system’s output (with legal or similarly significant effects) a clear and meaningful explanation of the system’s role and the main elements of the decision',
    binds: 'deployer',
    appliesFrom: 'by-classification',
    concerns: 'Annex III high-risk systems other than point 2',
    source: 'domain-review-2026-12',
    note: 'Art. 86 is in Chapter IX; it concerns Annex III high-risk systems, so its day is taken as the Annex III day.',
  },
  // ————— the Art. 6(3) derogation —————
  {
    id: 'art-6-4',
    citation: 'Art. 6(4)',
    text: 'the provider that considers an Annex III system not high-risk documents that assessment before placing it on the market or putting it into service (ask it for a copy)',
    binds: 'provider',
    appliesFrom: 'annex-iii',
    concerns: 'Annex III systems taken out of high-risk by Art. 6(3)',
    source: 'reg-2024-1689',
  },
  {
    id: 'art-49-2',
    citation: 'Art. 49(2)',
    text: 'that provider registers itself and the system in the EU database (Art. 71) — check that the registration exists',
    binds: 'provider',
    appliesFrom: 'annex-iii',
    concerns: 'Annex III systems taken out of high-risk by Art. 6(3)',
    source: 'domain-review-2026-12',
    note: 'The day Art. 49(2) applies from is unconfirmed (Opencomplai v0.13.1); it is taken as the Annex III day, the day the Art. 6(3) assessment it follows from applies.',
  },
  // ————— transparency (Art. 50) —————
  {
    id: 'art-50-1',
    citation: 'Art. 50(1)',
    text: 'design the system so that the people who interact with it are told they are dealing with an AI system, unless that is obvious (not for systems authorised by law to detect, prevent or investigate criminal offences, unless open to the public to report one)',
    binds: 'provider',
    appliesFrom: 'transparency-2026',
    concerns: 'systems that interact directly with people',
    source: 'reg-2024-1689',
  },
  {
    id: 'art-50-2',
    citation: 'Art. 50(2)',
    text: 'mark synthetic audio, image, video or text outputs in a machine-readable format, detectable as artificially generated or manipulated (systems placed on the market before 2 Aug 2026: from 2 Dec 2026, Art. 111(4))',
    binds: 'provider',
    appliesFrom: 'transparency-2026',
    concerns: 'systems that generate synthetic content, deep fakes included',
    source: 'reg-2024-1689',
    note: 'The later day for generative systems already on the market is APPLICATION_DATES["art-50-2-legacy"]; both are past on 7 Dec 2026.',
  },
  {
    id: 'art-50-3',
    citation: 'Art. 50(3)',
    text: 'inform the people exposed to the emotion recognition or biometric categorisation, and process their personal data under the GDPR (not for systems permitted by law to detect, prevent or investigate criminal offences)',
    binds: 'deployer',
    appliesFrom: 'transparency-2026',
    concerns: 'emotion-recognition and biometric-categorisation systems',
    source: 'reg-2024-1689',
  },
  {
    id: 'art-50-4-deep-fake',
    citation: 'Art. 50(4)',
    text: 'disclose that deep-fake content is artificially generated or manipulated (for an evidently artistic, creative, satirical or fictional work, in a way that does not hamper its enjoyment)',
    binds: 'deployer',
    appliesFrom: 'transparency-2026',
    concerns: 'systems used to make deep fakes',
    source: 'reg-2024-1689',
  },
  {
    id: 'art-50-4-text',
    citation: 'Art. 50(4)',
    text: 'disclose that text published to inform the public on matters of public interest is AI-generated, unless a person reviewed it under editorial responsibility',
    binds: 'deployer',
    appliesFrom: 'transparency-2026',
    concerns: 'systems whose text is published on matters of public interest',
    source: 'reg-2024-1689',
  },
  // ————— general-purpose AI models (recorded; the use profile does not ask about them) —————
  {
    id: 'art-53-1',
    citation: 'Art. 53(1)',
    text: 'providers of general-purpose AI models: keep technical documentation (Annex XI), give information and documentation to downstream providers (Annex XII), put in place a copyright policy, publish a summary of the training content (open-source models are exempt from (a) and (b) unless they carry systemic risk, Art. 53(2))',
    binds: 'provider',
    appliesFrom: 'gpai',
    concerns:
      'general-purpose AI models (models placed on the market before 2 Aug 2025: by 2 Aug 2027, Art. 111(3))',
    source: 'domain-review-2026-12',
  },
  {
    id: 'art-52-1',
    citation: 'Art. 52(1)',
    text: 'notify the Commission within two weeks once a general-purpose AI model meets the systemic-risk threshold (presumed above 10^25 FLOP of training compute, Art. 51(2))',
    binds: 'provider',
    appliesFrom: 'gpai',
    concerns: 'general-purpose AI models with systemic risk',
    source: 'domain-review-2026-12',
  },
  {
    id: 'art-54',
    citation: 'Art. 54',
    text: 'a provider established outside the Union appoints an authorised representative in the Union before placing a general-purpose AI model on the market',
    binds: 'provider',
    appliesFrom: 'gpai',
    concerns: 'general-purpose AI models of third-country providers',
    source: 'domain-review-2026-12',
  },
  {
    id: 'art-55',
    citation: 'Art. 55',
    text: 'providers of models with systemic risk: evaluate the model (adversarial testing included), assess and mitigate systemic risks, report serious incidents, ensure cybersecurity',
    binds: 'provider',
    appliesFrom: 'gpai',
    concerns: 'general-purpose AI models with systemic risk',
    source: 'domain-review-2026-12',
  },
] as const satisfies readonly ObligationRule[];

export type ObligationId = (typeof OBLIGATIONS)[number]['id'];
