import { createContext, useContext } from 'react';
import type { OpenedAssessment } from '../../sync/assessment-documents.ts';

/** Opens one stakeholder interview `W/interview/<id>` on demand (the workspace's sync, or a test's). */
export type OpenInterview = (interviewId: string) => OpenedAssessment;

export const InterviewContext = createContext<OpenInterview | undefined>(undefined);

export const useOpenInterview = () => useContext(InterviewContext);
