import { useMemo, useState } from 'react';
import type * as Y from 'yjs';
import type { ToolEntry } from '../../../shared/catalog/schema.ts';
import { AIMS_SUPPLIERS, type EntryValues } from '../../../shared/documents/aims/index.ts';
import { EntryDialog } from '../aims/EntryDialog.tsx';
import { linkOptions } from '../aims/link-options.ts';
import { useAims } from '../aims/use-aims.ts';
import { useRisks } from '../risks/use-risks.ts';
import { useRegistry } from '../sync/documents.ts';

interface Props {
  registry: Y.Doc;
  recordId: string;
  /** The record's catalog tools no supplier file of the record covers yet. */
  tools: readonly ToolEntry[];
  me: string;
  now: () => number;
}

/**
 * "New supplier file for <vendor>": the supplier dialog with the catalog tool's vendor, the tool
 * and the record filled in, saved as if typed (the rules SUP1–SUP5 still apply).
 */
export default function NewSupplierFile({ registry, recordId, tools, me, now }: Props) {
  const aims = useAims(registry);
  const { records } = useRegistry(registry);
  const { risks } = useRisks(registry);
  const [initial, setInitial] = useState<EntryValues>();
  const links = useMemo(
    () => linkOptions(records.values(), risks.values(), aims, me),
    [records, risks, aims, me],
  );
  return (
    <>
      {tools.map((tool) => (
        <button
          key={tool.id}
          type="button"
          onClick={() => setInitial({ title: tool.vendor, toolId: tool.id, recordIds: [recordId] })}
        >
          New supplier file for {tool.vendor} ({tool.name})
        </button>
      ))}
      {initial && (
        <EntryDialog
          registry={registry}
          register={AIMS_SUPPLIERS}
          entry={undefined}
          initial={initial}
          links={links}
          me={me}
          now={now}
          onClose={() => setInitial(undefined)}
        />
      )}
    </>
  );
}
