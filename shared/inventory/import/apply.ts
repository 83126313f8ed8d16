import * as Y from 'yjs';
import {
  TRIAGE,
  createRecord,
  readRegistryRecord,
  setTriage,
  updateRecord,
  type RecordPatch,
} from '../../documents/registry/index.ts';
import { setCustomFields } from '../../documents/registry/custom-fields.ts';
import type { ImportPlan, PlannedRecord } from './plan.ts';

export interface AppliedImport {
  /** New record ids, in plan order. */
  created: string[];
  /** Existing record ids that were updated (whether or not a value changed). */
  updated: string[];
}

const union = (a: readonly string[] = [], b: readonly string[] = []) => [...new Set([...a, ...b])];

/** Writes one planned record: lists are joined with what the record holds now, never shrunk. */
function write(doc: Y.Doc, planned: PlannedRecord, id: string, by: string, at: number): void {
  const { name, ...rest } = planned.fields;
  const toolKeys = planned.toolKey ? [planned.toolKey] : [];
  if (planned.existingId === undefined) {
    createRecord(
      doc,
      id,
      { ...planned.fields, ...(toolKeys.length > 0 ? { toolKeys } : {}) },
      by,
      at,
    );
  } else {
    const current = readRegistryRecord(doc, id);
    if (!current) throw new Error(`record "${name}" (${id}) is no longer in the registry`);
    const patch: RecordPatch = { ...rest };
    if (rest.departments) patch.departments = union(current.departments, rest.departments);
    if (rest.dataCategories) {
      patch.dataCategories = union(
        current.dataCategories,
        rest.dataCategories,
      ) as typeof rest.dataCategories;
    }
    if (toolKeys.length > 0) patch.toolKeys = union(current.toolKeys, toolKeys);
    updateRecord(doc, id, patch, by, at);
  }
  if (Object.keys(planned.custom).length > 0) setCustomFields(doc, id, planned.custom, by, at);
  if (planned.toolKey && untriaged(doc, planned.toolKey)) {
    // The tool's discoveries are this record's, as if a lead had merged them (never over a decision).
    setTriage(doc, planned.toolKey, { state: 'merged', recordId: id, by, at });
  }
}

/** Whether no lead has triaged the tool yet (no entry, or still 'new'). */
function untriaged(doc: Y.Doc, toolKey: string): boolean {
  const entry = doc.getMap<unknown>(TRIAGE).get(toolKey);
  if (entry === undefined) return true;
  return entry instanceof Y.Map && entry.get('state') === 'new';
}

/**
 * Applies a plan, all or nothing: the whole plan is first written to a copy of the registry (the
 * writers' own checks), then to the registry in one transaction. Throws, changing nothing, naming
 * the rows of the record that was refused.
 */
export function applyImportPlan(
  doc: Y.Doc,
  plan: ImportPlan,
  by: string,
  at: number,
  makeId: () => string,
): AppliedImport {
  const ids = plan.records.map((planned) => planned.existingId ?? makeId());
  const scratch = new Y.Doc();
  Y.applyUpdate(scratch, Y.encodeStateAsUpdate(doc));
  plan.records.forEach((planned, i) => {
    try {
      write(scratch, planned, ids[i]!, by, at);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      const rows = planned.rows.length === 1 ? 'Row' : 'Rows';
      throw new Error(`${rows} ${planned.rows.join(', ')}: ${why}`, { cause: error });
    }
  });
  doc.transact(() => plan.records.forEach((planned, i) => write(doc, planned, ids[i]!, by, at)));
  return {
    created: ids.filter((_, i) => plan.records[i]!.existingId === undefined),
    updated: ids.filter((_, i) => plan.records[i]!.existingId !== undefined),
  };
}
