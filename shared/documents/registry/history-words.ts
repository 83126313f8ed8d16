import { CATEGORY_LABELS, type Category } from '../../catalog/schema.ts';
import type { ChangeValue, FieldChange, HistoryEntry } from './schema.ts';

/**
 * A history entry in the reader's words: labels, never stored keys, and values whole. The record
 * page and every export read it from here, so they say the same thing.
 */

export const HISTORY_FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  vendor: 'Vendor',
  category: 'Category',
  purpose: 'Purpose',
  owner: 'Business owner',
  lifecycle: 'Lifecycle',
  departments: 'Departments',
  userCount: 'Number of users',
  dataCategories: 'Data categories',
  toolKeys: 'Detections',
  model: 'Model',
  provider: 'Provider',
  notes: 'Note',
  euAiAct: 'EU AI Act category',
  tier: 'Tier',
  status: 'Status for employees',
  triage: 'Triage',
  archived: 'Archived',
  customFields: 'Imported fields',
  classification: 'Use-profile answers',
};

const LIFECYCLE_WORDS: Record<string, string> = {
  procurement: 'Procurement',
  development: 'Development',
  'in-use': 'In use',
  retired: 'Retired',
};

export const EU_AI_ACT_WORDS: Record<string, string> = {
  prohibited: 'Prohibited',
  'high-risk': 'High-risk',
  transparency: 'Transparency obligations',
  minimal: 'Minimal risk',
};

const STATUS_WORDS: Record<string, string> = {
  approved: 'Approved',
  restricted: 'Restricted',
  banned: 'Banned',
  unreviewed: 'Not reviewed',
};

const TRIAGE_WORDS: Record<string, string> = {
  new: 'New',
  open: 'Opened as this record',
  merged: 'Merged into this record',
  dismissed: 'Dismissed',
  snoozed: 'Snoozed',
  removed: 'Taken out of this record',
};

const ACTION_WORDS: Record<HistoryEntry['action'], string> = {
  edited: 'changed',
  'note-added': 'added a note',
  'note-removed': 'removed a note',
  resolved: 'settled a conflicting edit of',
  classified: 'decided the EU AI Act category',
  'tier-decided': 'decided the tier',
  triaged: 'triaged a detection',
  'status-set': 'set the status employees see',
  'signed-off': 'signed off an assessment',
  archived: 'archived the record',
  unarchived: 'restored the record from the archive',
  'merged-in': 'merged another record into this one',
  'merged-away': 'merged this record into another',
  deleted: 'deleted the record',
};

const SUBJECT_WORDS: Partial<Record<HistoryEntry['action'], string>> = {
  triaged: 'Detection: ',
  'status-set': 'Tool: ',
  'merged-in': 'Merged in: ',
  'merged-away': 'Now part of: ',
  'signed-off': 'Assessment: ',
};

/** How to name what only the workspace knows (its tiers). */
export interface HistoryNames {
  tier?(id: string): string;
}

export const fieldLabel = (field: string) => HISTORY_FIELD_LABELS[field] ?? field;

/** One stored value in words. */
export function valueWords(field: string, value: string | number, names: HistoryNames = {}) {
  if (typeof value === 'number') return String(value);
  switch (field) {
    case 'category':
      return CATEGORY_LABELS[value as Category] ?? value;
    case 'lifecycle':
      return LIFECYCLE_WORDS[value] ?? value;
    case 'dataCategories':
      return value.replace('-', ' ');
    case 'euAiAct':
      return EU_AI_ACT_WORDS[value] ?? value;
    case 'tier':
      return names.tier?.(value) ?? value;
    case 'status':
      return STATUS_WORDS[value] ?? value;
    case 'triage':
      return TRIAGE_WORDS[value] ?? value;
    default:
      return value;
  }
}

const SET_FIELDS = new Set(['departments', 'dataCategories', 'toolKeys', 'classification']);

function shown(field: string, value: ChangeValue, names: HistoryNames): string {
  if (value === null || (Array.isArray(value) && value.length === 0)) return '(none)';
  if (Array.isArray(value)) return value.map((v) => valueWords(field, v, names)).join(', ');
  if (typeof value === 'number') return String(value);
  return `“${valueWords(field, value, names)}”`;
}

/** `Business owner: “Dana” → “Sam”`, or `Departments: added Legal; removed Sales`. */
export function changeWords(change: FieldChange, names: HistoryNames = {}): string {
  const { field, from, to } = change;
  const label = fieldLabel(field);
  if (SET_FIELDS.has(field)) {
    const parts = [];
    if (Array.isArray(to) && to.length > 0) parts.push(`added ${shown(field, to, names)}`);
    if (Array.isArray(from) && from.length > 0) parts.push(`removed ${shown(field, from, names)}`);
    return `${label}: ${parts.join('; ')}`;
  }
  if (field === 'notes') return to !== null ? `“${String(to)}”` : `“${String(from)}”`;
  return `${label}: ${shown(field, from, names)} → ${shown(field, to, names)}`;
}

/** The entry's headline after the person's name, and one line per change. */
export function historyWords(
  entry: HistoryEntry,
  names: HistoryNames = {},
): { action: string; lines: string[] } {
  let action = ACTION_WORDS[entry.action];
  if (entry.action === 'edited' || entry.action === 'resolved') {
    action = `${action} ${entry.fields.map((f) => fieldLabel(f).toLowerCase()).join(', ')}`;
  } else if (entry.action === 'note-added' || entry.action === 'note-removed') {
    if (entry.detail) action = action.replace('a note', `a ${entry.detail} note`);
  } else if (entry.detail === 'confirmed' || entry.detail === 'overridden') {
    action = `${action} (${entry.detail === 'confirmed' ? 'confirmed the suggestion' : 'overrode the suggestion'})`;
  }
  const lines: string[] = [];
  if (entry.subject) lines.push(`${SUBJECT_WORDS[entry.action] ?? ''}${entry.subject}`);
  for (const change of entry.changes ?? []) lines.push(changeWords(change, names));
  if (entry.summary && !entry.changes) lines.push(entry.summary);
  if (entry.reason) lines.push(`Reason: ${entry.reason}`);
  return { action, lines };
}
