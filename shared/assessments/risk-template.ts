import { parseTemplate, type AssessmentTemplate } from './template-format.ts';

/**
 * The built-in AI risk assessment (ISO/IEC 42001 6.1.2, performed under 8.2). Guidance is in
 * our own words: the standard's text is copyrighted, so only its clause numbers are cited.
 */
export const AI_RISK_ASSESSMENT: AssessmentTemplate = parseTemplate({
  id: 'ai-risk-assessment',
  version: 1,
  kind: 'risk',
  title: 'AI risk assessment',
  clauses: ['6.1.2', '8.2'],
  checks: [{ type: 'risks-named', min: 1 }, { type: 'sections-written' }],
  sections: [
    {
      id: 'system',
      title: 'The system and its context',
      guidance:
        'What is the system, who provides it, what is it used for and by whom? Note the detections that brought it to light and anything they do not show.',
      prefill: ['system', 'purpose', 'detections'],
      references: ['6.1.2', 'A.9.4'],
      controls: [],
      condition: 'always',
    },
    {
      id: 'classification',
      title: 'Classification and legal basis',
      guidance:
        'Which risk tier and EU AI Act category apply, on what basis, and who confirmed them? Say why if the decision differs from the suggestion.',
      prefill: ['classification', 'tier'],
      references: ['6.1.2'],
      controls: [],
      condition: 'always',
    },
    {
      id: 'risk-criteria',
      title: 'Risk criteria',
      guidance:
        'How are likelihood and impact rated, and which scores are acceptable without treatment? Keep the criteria the same across assessments so results can be compared.',
      prefill: ['risk-criteria'],
      references: ['6.1.2'],
      controls: [],
      condition: 'always',
    },
    {
      id: 'risk-sources',
      title: 'Risk sources',
      guidance:
        'Which sources of risk apply to this system: bias, lack of transparency, drift, harm or misuse, privacy, security, and the Annex C sources such as level of automation or complexity of the environment?',
      prefill: ['risk-sources'],
      references: ['6.1.2', 'Annex C.3'],
      controls: [],
      condition: 'always',
    },
    {
      id: 'risks',
      title: 'Risks, likelihood and impact',
      guidance:
        'For each risk: what could happen, to whom, how likely it is (1–5) and how severe (1–5). The register holds the scores; explain the reasoning here.',
      prefill: ['linked-risks'],
      references: ['6.1.2'],
      controls: [],
      condition: 'always',
    },
    {
      id: 'owners',
      title: 'Risk owners',
      guidance: 'Who owns each risk and has the authority to treat or accept it?',
      prefill: [],
      references: ['6.1.2', 'A.3.2'],
      controls: ['A.3.2'],
      condition: 'always',
    },
    {
      id: 'treatment',
      title: 'Risk treatment',
      guidance:
        'For each risk: avoid, mitigate, transfer or accept, with the Annex A controls that implement the choice, who does it and by when. Controls chosen here feed the Statement of Applicability.',
      prefill: [],
      references: ['6.1.3', '8.3'],
      controls: [],
      condition: 'always',
    },
    {
      id: 'decision',
      title: 'Residual risk and decision',
      guidance:
        'What risk remains after treatment, is it acceptable, and what was decided: use as is, use with conditions, or stop?',
      prefill: [],
      references: ['6.1.2', '8.2'],
      controls: [],
      condition: 'always',
    },
  ],
});
