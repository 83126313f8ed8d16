import type { NewAssessment } from './index.ts';

/** A small two-section assessment, shared by the tests of this folder. */
export const NEW: NewAssessment = {
  kind: 'impact',
  recordId: 'rec-1',
  templateId: 'ai-system-impact-assessment',
  templateVersion: 1,
  title: 'Impact of HireRank',
  outline: [
    { id: 'system', title: 'The system', guidance: 'What is it?', references: ['6.1.4'] },
    { id: 'affected', title: 'Who is affected', guidance: 'Who?', references: [] },
  ],
  prefill: new Map([['system', ['System: HireRank.', 'Intended purpose: ranking']]]),
};
