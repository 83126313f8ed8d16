// The deployer-obligations tracker as CSV (RFC 4180, like the other registers), one row per duty
// of each system in scope: exported with the register.
import type { DeployerContext } from '../classification/index.ts';
import type { DutyTracker, RegistryRecord } from '../documents/registry/index.ts';
import { csvDocument } from '../inventory/csv.ts';
import { systemTracker } from './tracker-items.ts';

export const TRACKER_COLUMNS = [
  'system',
  'system_id',
  'citation',
  'duty',
  'binds',
  'applies_from',
  'applies_now',
  'status',
  'owner',
  'evidence',
  'link',
  'date',
  'updated_by',
  'updated_at',
] as const;

export function dutyTrackerCsv(
  records: Iterable<RegistryRecord>,
  tracker: DutyTracker,
  deployer: DeployerContext,
  today: string,
): string {
  const rows: string[][] = [];
  const sorted = [...records].sort(
    (a, b) => a.name.localeCompare(b.name, 'en') || (a.id < b.id ? -1 : 1),
  );
  for (const record of sorted) {
    const system = systemTracker(record, tracker.byRecord.get(record.id), deployer, today);
    for (const item of system.items) {
      const t = item.tracked;
      rows.push([
        record.name,
        record.id,
        item.duty.citation,
        item.duty.text,
        item.duty.binds,
        item.duty.appliesFrom,
        item.timing.appliesNow ? 'yes' : 'no',
        t?.status ?? 'to-do',
        t?.owner ?? '',
        t?.evidence ?? '',
        t?.link ?? '',
        t?.date ?? '',
        t?.updatedBy ?? '',
        t ? new Date(t.updatedAt).toISOString() : '',
      ]);
    }
  }
  return csvDocument([[...TRACKER_COLUMNS], ...rows]);
}
