import { createContext, useContext } from 'react';
import type { OpenedAssessment } from '../sync/assessment-documents.ts';

/** Opens one system's `W/monitoring/<recordId>` on demand (the workspace's sync, or a test's). */
export type OpenMonitoring = (recordId: string) => OpenedAssessment;

export const MonitoringContext = createContext<OpenMonitoring | undefined>(undefined);

export const useOpenMonitoring = () => useContext(MonitoringContext);
