// The dashboard's figures for the deployer-obligations tracker, on a day that is passed in.
import { APPLICATION_DATES, type DeployerContext } from '../classification/index.ts';
import type { DutyTracker, RegistryRecord } from '../documents/registry/index.ts';
import { isOpen, systemTracker } from './tracker-items.ts';

export interface TrackerSummary {
  /** Systems in scope (high-risk or with Art. 50 duties). */
  systems: number;
  /** Duties of the workspace not yet done (to do or in progress). */
  open: number;
  /** Of those, the ones that apply on the day given. */
  openNow: number;
  /** Of those, the ones that apply on or before `dueBy.date` (the Annex III day, from the rules data). */
  dueBy: { date: string; count: number };
}

export function trackerSummary(
  records: Iterable<RegistryRecord>,
  tracker: DutyTracker,
  deployer: DeployerContext,
  today: string,
  dueBy: string = APPLICATION_DATES['annex-iii'].date,
): TrackerSummary {
  const summary: TrackerSummary = {
    systems: 0,
    open: 0,
    openNow: 0,
    dueBy: { date: dueBy, count: 0 },
  };
  for (const record of records) {
    const system = systemTracker(record, tracker.byRecord.get(record.id), deployer, today);
    if (!system.inScope) continue;
    summary.systems += 1;
    for (const item of system.items.filter(isOpen)) {
      summary.open += 1;
      if (item.timing.appliesNow) summary.openNow += 1;
      if (item.duty.appliesFrom <= dueBy) summary.dueBy.count += 1;
    }
  }
  return summary;
}
