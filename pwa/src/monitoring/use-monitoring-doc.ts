import { useEffect, useState } from 'react';
import type { OpenedAssessment } from '../sync/assessment-documents.ts';
import { useOpenMonitoring } from './monitoring-context.ts';

/** The system's monitoring document, opened while the record page shows it (MON1). */
export function useMonitoringDoc(recordId: string): OpenedAssessment | undefined {
  const open = useOpenMonitoring();
  const [opened, setOpened] = useState<OpenedAssessment>();
  useEffect(() => {
    if (!open) return;
    let held: OpenedAssessment | undefined;
    try {
      held = open(recordId);
    } catch {
      return; // a role that may not open it (docs/sync.md MON1)
    }
    setOpened(held);
    return () => {
      held.release();
      setOpened(undefined);
    };
  }, [open, recordId]);
  return opened;
}
