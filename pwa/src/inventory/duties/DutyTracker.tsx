import type * as Y from 'yjs';
import { isoDay } from '../../../../shared/classification/index.ts';
import type { RegistryRecord } from '../../../../shared/documents/registry/index.ts';
import { systemTracker } from '../../../../shared/duty-tracker/index.ts';
import { useGovernance } from '../../settings/use-governance.ts';
import '../classification/duties.css';
import { STATUS_LABELS, TrackedDutyRow } from './TrackedDutyRow.tsx';
import { useDutyTracker } from './use-duty-tracker.ts';

interface Props {
  record: RegistryRecord;
  registry: Y.Doc | undefined;
  canEdit: boolean;
  me: string;
  now: () => number;
}

/**
 * The deployer-obligations tracker of one system (EU AI Act Art. 26, 27, 50, 86): for a high-risk
 * system or one with Art. 50 duties, each duty that binds the workspace, with when it applies, its
 * status, owner and evidence. The duties follow the record's classification; their state is the
 * registry's `dutyTracker` map.
 */
export function DutyTracker({ record, registry, canEdit, me, now }: Props) {
  const tracker = useDutyTracker(registry);
  const { publicBodyOrPublicService } = useGovernance(registry);
  const deployer = publicBodyOrPublicService === undefined ? {} : { publicBodyOrPublicService };
  const system = systemTracker(record, tracker.byRecord.get(record.id), deployer, isoDay(now()));
  if (!system.inScope) return null;
  const done = system.items.filter((i) => i.tracked?.status === 'done').length;
  return (
    <section aria-labelledby="duty-tracker-heading" className="duty-tracker">
      <h2 id="duty-tracker-heading">EU AI Act duties of this workspace</h2>
      <p className="muted">
        {done} of {system.items.length} done. The duties follow the classification; each says when
        it applies.
      </p>
      {system.note !== undefined && <p className="warning">{system.note}</p>}
      <ul className="tracked-duties">
        {system.items.map((item) => (
          <TrackedDutyRow
            key={item.duty.id}
            recordId={record.id}
            item={item}
            registry={registry}
            canEdit={canEdit}
            me={me}
            now={now}
          />
        ))}
      </ul>
      {system.stale.length > 0 && (
        <>
          <h3>Recorded for duties the classification no longer gives</h3>
          <ul>
            {system.stale.map((t) => (
              <li key={t.dutyId}>
                {t.dutyId}: {STATUS_LABELS[t.status]}
                {t.evidence !== undefined && <> — {t.evidence}</>}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
