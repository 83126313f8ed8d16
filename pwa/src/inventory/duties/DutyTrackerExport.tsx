import type * as Y from 'yjs';
import { isoDay } from '../../../../shared/classification/index.ts';
import type { RegistryRecord } from '../../../../shared/documents/registry/index.ts';
import { dutyTrackerCsv } from '../../../../shared/duty-tracker/index.ts';
import { useGovernance } from '../../settings/use-governance.ts';
import { exportFileName, type SaveFile } from '../list/download.ts';
import { useDutyTracker } from './use-duty-tracker.ts';

interface Props {
  registry: Y.Doc | undefined;
  records: ReadonlyMap<string, RegistryRecord>;
  workspace: string | undefined;
  now: () => number;
  saveFile: SaveFile;
}

/** Exports the deployer-obligations tracker with the register: one CSV row per duty of each system. */
export function DutyTrackerExport({ registry, records, workspace, now, saveFile }: Props) {
  const tracker = useDutyTracker(registry);
  const { publicBodyOrPublicService } = useGovernance(registry);
  const exportCsv = () => {
    const at = now();
    const deployer = publicBodyOrPublicService === undefined ? {} : { publicBodyOrPublicService };
    const csv = dutyTrackerCsv(records.values(), tracker, deployer, isoDay(at));
    saveFile({
      name: exportFileName(workspace ?? 'sightline', 'eu-ai-act-duties', at, 'csv'),
      type: 'text/csv;charset=utf-8',
      // A byte-order mark, so that Excel reads the file as UTF-8.
      text: '\ufeff' + csv,
    });
  };
  return (
    <button type="button" onClick={exportCsv} disabled={records.size === 0}>
      Export EU AI Act duties
    </button>
  );
}
