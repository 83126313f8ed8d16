import { parseTemplate, type AssessmentTemplate } from './template-format.ts';

/**
 * The built-in AI system impact assessment (ISO/IEC 42001 6.1.4, performed under 8.4; Annex A.5).
 * The last sections are the EU AI Act's fundamental-rights impact assessment (Art. 27(1)(a)–(f)),
 * included only when fria.ts says the deployer must make one.
 */
const fria = (id: string, title: string, guidance: string, point: string) => ({
  id,
  title,
  guidance,
  prefill: [],
  references: [`Art. 27(1)(${point})`],
  controls: [],
  condition: 'fria-required',
});

export const AI_SYSTEM_IMPACT_ASSESSMENT: AssessmentTemplate = parseTemplate({
  id: 'ai-system-impact-assessment',
  version: 1,
  kind: 'impact',
  title: 'AI system impact assessment',
  clauses: ['6.1.4', '8.4'],
  checks: [{ type: 'sections-written' }],
  sections: [
    {
      id: 'system',
      title: 'The system and its intended purpose',
      guidance:
        'What does the system do, for which purpose, in which processes, and where is its use out of scope?',
      prefill: ['system', 'purpose', 'detections'],
      references: ['6.1.4', 'A.9.4'],
      controls: ['A.9.4'],
      condition: 'always',
    },
    {
      id: 'classification',
      title: 'Classification and legal basis',
      guidance: 'Which risk tier and EU AI Act category apply, and on what basis?',
      prefill: ['classification', 'tier'],
      references: ['6.1.4'],
      controls: [],
      condition: 'always',
    },
    {
      id: 'affected',
      title: 'Who is affected',
      guidance:
        'Which individuals, groups of individuals and parts of society can the system affect, directly or indirectly, including people who never use it?',
      prefill: [],
      references: ['A.5.4', 'A.5.5'],
      controls: ['A.5.4', 'A.5.5'],
      condition: 'always',
    },
    {
      id: 'fundamental-rights',
      title: 'Impacts on fundamental rights',
      guidance:
        'Could the system affect rights such as privacy, non-discrimination, freedom of expression, access to work, education or services? How, and how seriously?',
      prefill: [],
      references: ['A.5.4'],
      controls: ['A.5.4'],
      condition: 'always',
    },
    {
      id: 'fairness',
      title: 'Fairness and bias',
      guidance:
        'Could outputs differ unfairly between groups? What was tested, on which data, and with what result?',
      prefill: [],
      references: ['A.5.4', 'Annex C.2'],
      controls: ['A.7.4'],
      condition: 'always',
    },
    {
      id: 'transparency',
      title: 'Transparency and explainability',
      guidance:
        'Do the people affected know that AI is involved, and can its outputs be explained to them and to those who act on them?',
      prefill: [],
      references: ['A.8.2', 'Annex C.2'],
      controls: ['A.8.2', 'A.8.5'],
      condition: 'always',
    },
    {
      id: 'robustness',
      title: 'Robustness',
      guidance:
        'How does the system behave with unusual, adversarial or out-of-range input, and when it fails?',
      prefill: [],
      references: ['A.6.2.4', 'Annex C.2'],
      controls: ['A.6.2.4'],
      condition: 'always',
    },
    {
      id: 'drift-monitoring',
      title: 'Drift and monitoring',
      guidance:
        'How is performance watched in operation, what would show drift, and who acts on it? Note the dated performance and drift observations on the record.',
      prefill: [],
      references: ['A.6.2.6'],
      controls: ['A.6.2.6', 'A.6.2.8'],
      condition: 'always',
    },
    {
      id: 'misuse-harm',
      title: 'Misuse and harm',
      guidance:
        'How could the system be misused or cause harm, deliberately or by accident, and what would the consequences be?',
      prefill: [],
      references: ['A.5.5', 'A.9.2'],
      controls: ['A.9.2', 'A.9.4'],
      condition: 'always',
    },
    {
      id: 'data',
      title: 'Data: provenance, quality and personal data',
      guidance:
        'Which data goes in and comes out, where does it come from, how is its quality known, and which personal data is involved?',
      prefill: ['data-categories'],
      references: ['A.7.4', 'A.7.5'],
      controls: ['A.7.3', 'A.7.4', 'A.7.5'],
      condition: 'always',
    },
    {
      id: 'human-oversight',
      title: 'Human oversight',
      guidance:
        'Who reviews or can override the outputs, with what competence and authority, and when do they step in?',
      prefill: [],
      references: ['A.9.2', 'A.3.2'],
      controls: ['A.3.2', 'A.9.2'],
      condition: 'always',
    },
    {
      id: 'mitigations',
      title: 'Mitigations and their Annex A controls',
      guidance:
        'Which measures reduce the impacts above, and which Annex A controls do they implement?',
      prefill: [],
      references: ['6.1.3'],
      controls: [],
      condition: 'always',
    },
    {
      id: 'residual-risk',
      title: 'Residual risk and decision',
      guidance:
        'What impact remains after the mitigations, is it acceptable, and what was decided? Record where the assessment is kept and when it is reviewed next.',
      prefill: [],
      references: ['A.5.2', 'A.5.3'],
      controls: ['A.5.2', 'A.5.3'],
      condition: 'always',
    },
    {
      id: 'fria-basis',
      title: 'Fundamental-rights impact assessment: why it is required',
      guidance:
        'Why the EU AI Act requires this deployer to assess the impact on fundamental rights before first use, and whether a data protection impact assessment already covers part of it.',
      prefill: ['fria-basis'],
      references: ['Art. 27(1)', 'Art. 27(4)'],
      controls: [],
      condition: 'fria-required',
    },
    fria(
      'fria-processes',
      "The deployer's processes",
      'In which of our processes will the system be used, in line with its intended purpose?',
      'a',
    ),
    fria(
      'fria-period',
      'Period and frequency of use',
      'For how long, and how often, is the system intended to be used?',
      'b',
    ),
    fria(
      'fria-affected',
      'People and groups likely to be affected',
      'Which categories of natural persons and groups are likely to be affected by its use in this context?',
      'c',
    ),
    fria(
      'fria-risks',
      'Specific risks of harm',
      "Which specific risks of harm are likely for those people and groups, taking into account the provider's information?",
      'd',
    ),
    fria(
      'fria-oversight',
      'Human oversight measures',
      "How is human oversight implemented, according to the provider's instructions for use?",
      'e',
    ),
    fria(
      'fria-measures',
      'If the risks materialise',
      'What will be done if those risks materialise, including internal governance and complaint mechanisms? Note that the deployer notifies the market surveillance authority of the results (Art. 27(3)).',
      'f',
    ),
  ],
});
