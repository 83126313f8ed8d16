import type { InterviewArea } from './schema.ts';

/**
 * A starting questionnaire per contributor's area: questions in our words, each tied to the
 * ISO/IEC 42001:2023 requirement its answer is evidence for (clause and Annex A numbers as in
 * shared/iso42001, titles from ISO's Online Browsing Platform preview, read 2026-12-07) and, for
 * legal, the EU AI Act article it asks about (Regulation (EU) 2024/1689, OJ L 12.7.2024). The
 * lead edits them before sending.
 */
export interface QuestionTemplate {
  text: string;
  requirement: string;
}

export const QUESTIONNAIRES: Record<InterviewArea, readonly QuestionTemplate[]> = {
  legal: [
    {
      text: 'Which laws, regulations and contracts place requirements on our use of AI (for example the EU AI Act, GDPR Art. 22, sector rules)?',
      requirement: '4.2',
    },
    {
      text: 'For which AI systems are we a provider and for which a deployer under the EU AI Act (Art. 3(3), 3(4))?',
      requirement: '4.1',
    },
    {
      text: 'Which AI systems affect individuals’ rights, and has a fundamental-rights impact assessment (Art. 27) or DPIA been done for them?',
      requirement: '6.1.4',
    },
    {
      text: 'How are people told that they interact with an AI system or that content is AI-generated (Art. 50)?',
      requirement: 'A.8.2',
    },
  ],
  'data-science': [
    {
      text: 'Where do the training and evaluation data of our models come from, and how is their quality checked?',
      requirement: 'A.7.4',
    },
    {
      text: 'How is a model verified and validated before it is deployed, and who signs that off?',
      requirement: 'A.6.2.4',
    },
    {
      text: 'Which metrics are monitored in production (performance, drift, fairness across groups), against which thresholds?',
      requirement: '9.1',
    },
    {
      text: 'How is the provenance of data and models recorded (versions, sources, changes)?',
      requirement: 'A.7.5',
    },
  ],
  business: [
    {
      text: 'Which AI tools and systems does your team use or plan to use, and for what decisions?',
      requirement: '4.3',
    },
    {
      text: 'What should AI achieve for your team, and how would we measure it?',
      requirement: '6.2',
    },
    {
      text: 'Does your team know the AI policy and what it asks of them?',
      requirement: '7.3',
    },
    {
      text: 'When an AI output is wrong or harmful, who notices it and whom do they tell?',
      requirement: 'A.8.3',
    },
  ],
  other: [],
};
