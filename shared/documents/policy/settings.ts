import type * as Y from 'yjs';
import { readBoolean, readString } from '../schema/read.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkText, setIfChanged } from '../schema/write.ts';
import { MAX_WORKSPACE_NAME, POLICY_SCHEMA, SETTINGS, type PolicySettings } from './schema.ts';

/** Changes the settings given, writing only those that differ. Throws, changing nothing, on bad input. */
export function setSettings(doc: Y.Doc, patch: Partial<PolicySettings>): void {
  if (patch.workspaceName !== undefined) {
    checkText('workspaceName', patch.workspaceName, { min: 1, max: MAX_WORKSPACE_NAME });
  }
  if (patch.attributedReporting !== undefined && typeof patch.attributedReporting !== 'boolean') {
    throw new TypeError('attributedReporting must be true or false');
  }
  doc.transact(() => {
    ensureWritable(doc, POLICY_SCHEMA);
    const map = doc.getMap<unknown>(SETTINGS);
    if (patch.workspaceName !== undefined) setIfChanged(map, 'workspaceName', patch.workspaceName);
    if (patch.attributedReporting !== undefined) {
      setIfChanged(map, 'attributedReporting', patch.attributedReporting);
    }
  });
}

export function readSettings(map: Y.Map<unknown>, problems: string[]): PolicySettings {
  const path = SETTINGS;
  const settings: PolicySettings = {
    attributedReporting: readBoolean(map, 'attributedReporting', problems, { path }) ?? false,
  };
  const name = readString(map, 'workspaceName', problems, { path, max: MAX_WORKSPACE_NAME });
  if (name !== undefined) settings.workspaceName = name;
  return settings;
}
