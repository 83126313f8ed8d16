import type * as Y from 'yjs';
import {
  PARTIES,
  SERIOUS_POINTS,
  type Party,
  type SeriousPoint,
} from '../../incidents/reporting-periods.ts';
import { isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import {
  checkText,
  checkTimestamp,
  setIfChanged,
  syncTrueSet,
  type JsonValue,
} from '../schema/write.ts';
import { saveAuthoredEntry } from './authored.ts';
import { MAX_PERSON, REGISTRY_SCHEMA } from './schema.ts';

/**
 * The AI incident register, a top-level map of the registry document (leads write, contributors
 * read); docs/incidents.md:
 *
 *   incidents  incidentId → { systemId, title, kind, type, detectedAt, detectedBy, description,
 *                             peopleAffected, peopleCount?, severity, serious: point → true,
 *                             death, widespread, personalDataBreach, useSuspended,
 *                             riskIds: riskId → true, correctiveAction, status,
 *                             "informed.<party>": { at, by, to? },
 *                             createdBy, createdAt, updatedBy, updatedAt }
 *
 * A new optional top-level map: older readers ignore it, so no migration. Each notice is a flat
 * key holding a plain object, not a nested map, so two leads recording different notices at once
 * both keep theirs and never race to create one nested type.
 */
export const INCIDENTS = 'incidents';
export const NOTICE_PREFIX = 'informed.';

export const INCIDENT_KINDS = ['incident', 'near-miss'] as const;
export type IncidentKind = (typeof INCIDENT_KINDS)[number];
export const INCIDENT_TYPES = [
  'harm',
  'bias-complaint',
  'drift',
  'misuse',
  'security',
  'malfunction',
] as const;
export type IncidentType = (typeof INCIDENT_TYPES)[number];
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];
export const INCIDENT_STATUSES = ['open', 'investigating', 'closed'] as const;
export type IncidentStatus = (typeof INCIDENT_STATUSES)[number];

export const MAX_INCIDENT_TITLE = 200;
export const MAX_INCIDENT_TEXT = 4000;
export const MAX_INCIDENT_RISKS = 100;
export const MAX_PEOPLE_COUNT = 10_000_000_000;
/** How far ahead of the save a detection time may lie (clock skew between devices). */
export const DETECTED_AHEAD_MS = 5 * 60_000;

/** Someone was told: when, by whom, and (optionally) whom exactly. */
export interface Notice {
  at: number;
  by: string;
  to?: string;
}

export interface IncidentFields {
  /** The inventory record of the AI system. */
  systemId: string;
  title: string;
  kind: IncidentKind;
  type: IncidentType;
  /** When the organisation became aware of it: every legal clock starts here. */
  detectedAt: number;
  detectedBy: string;
  description: string;
  /** Who was affected, in words ('' when nobody is known). */
  peopleAffected: string;
  peopleCount?: number;
  severity: Severity;
  /** The points of Art. 3(49) that apply; empty when it is not a serious incident. */
  serious: SeriousPoint[];
  /** Someone died (Art. 73(4)). */
  death: boolean;
  /** A widespread infringement (Art. 3(61), Art. 73(3)). */
  widespread: boolean;
  /** A personal data breach (GDPR Art. 4(12), Art. 33). */
  personalDataBreach: boolean;
  informed: Partial<Record<Party, Notice>>;
  useSuspended: boolean;
  riskIds: string[];
  correctiveAction: string;
  status: IncidentStatus;
}

export interface Incident extends IncidentFields {
  id: string;
  createdBy: string;
  createdAt: number;
  updatedBy: string;
  updatedAt: number;
}

export interface IncidentRegister {
  /** In id order. */
  incidents: Map<string, Incident>;
  problems: string[];
}

function checkOneOf<T extends string>(what: string, value: unknown, allowed: readonly T[]) {
  if (!(allowed as readonly unknown[]).includes(value)) {
    throw new RangeError(`${what} must be one of ${allowed.join(', ')}`);
  }
}

function checkFlag(what: string, value: unknown) {
  if (typeof value !== 'boolean') throw new TypeError(`${what} must be true or false`);
}

function checkNotice(party: string, notice: Notice | undefined, detectedAt: number) {
  if (notice === undefined) return;
  checkOneOf('informed party', party, PARTIES);
  checkTimestamp(`informed ${party} at`, notice.at);
  if (notice.at < detectedAt) {
    throw new RangeError(`${party} cannot have been informed before the incident was detected`);
  }
  checkText(`informed ${party} by`, notice.by, { min: 1, max: MAX_PERSON });
  if (notice.to !== undefined) checkText(`informed ${party} to`, notice.to, { max: MAX_PERSON });
}

/** Throws a clear error for the first thing wrong, so a bad save changes nothing. */
export function checkIncident(fields: IncidentFields, at: number): void {
  if (!isId(fields.systemId)) throw new RangeError('system: choose a record of the inventory');
  checkText('title', fields.title, { min: 1, max: MAX_INCIDENT_TITLE });
  if (fields.title.trim() === '') throw new RangeError('title must not be blank');
  checkOneOf('kind', fields.kind, INCIDENT_KINDS);
  checkOneOf('type', fields.type, INCIDENT_TYPES);
  checkTimestamp('detected at', fields.detectedAt);
  if (fields.detectedAt > at + DETECTED_AHEAD_MS) {
    throw new RangeError('detected at is in the future');
  }
  checkText('detected by', fields.detectedBy, { min: 1, max: MAX_PERSON });
  checkText('description', fields.description, { max: MAX_INCIDENT_TEXT });
  checkText('people affected', fields.peopleAffected, { max: MAX_INCIDENT_TEXT });
  const count = fields.peopleCount;
  if (
    count !== undefined &&
    (!Number.isSafeInteger(count) || count < 0 || count > MAX_PEOPLE_COUNT)
  ) {
    throw new RangeError('people affected (number) must be a whole number ≥ 0');
  }
  checkOneOf('severity', fields.severity, SEVERITIES);
  if (!Array.isArray(fields.serious))
    throw new TypeError('serious must be a list of Art. 3(49) points');
  fields.serious.forEach((point) => checkOneOf('Art. 3(49) point', point, SERIOUS_POINTS));
  checkFlag('death', fields.death);
  checkFlag('widespread', fields.widespread);
  checkFlag('personal data breach', fields.personalDataBreach);
  checkFlag('use suspended', fields.useSuspended);
  if (fields.death && !fields.serious.includes('a')) {
    throw new RangeError('a death is a serious incident under Art. 3(49)(a): tick point (a)');
  }
  if (
    fields.kind === 'near-miss' &&
    (fields.serious.length > 0 || fields.death || fields.widespread || fields.personalDataBreach)
  ) {
    throw new RangeError(
      'a near miss caused no harm: record it as an incident to mark it serious, a death, widespread or a data breach',
    );
  }
  if (typeof fields.informed !== 'object' || fields.informed === null) {
    throw new TypeError('informed must be an object');
  }
  for (const [party, notice] of Object.entries(fields.informed)) {
    checkNotice(party, notice, fields.detectedAt);
  }
  if (!Array.isArray(fields.riskIds) || new Set(fields.riskIds).size > MAX_INCIDENT_RISKS) {
    throw new RangeError(`risks must be a list of at most ${MAX_INCIDENT_RISKS} risk ids`);
  }
  if (!fields.riskIds.every(isId)) throw new RangeError('risks: not a risk id');
  checkText('corrective action', fields.correctiveAction, { max: MAX_INCIDENT_TEXT });
  checkOneOf('status', fields.status, INCIDENT_STATUSES);
}

function noticeValue(notice: Notice | undefined): JsonValue | undefined {
  if (notice === undefined) return undefined;
  const value: Record<string, JsonValue> = { at: notice.at, by: notice.by };
  if (notice.to !== undefined) value.to = notice.to;
  return value;
}

/**
 * Creates or updates an incident with a caller-chosen id, writing only what changes (optional
 * fields left out are removed). Returns whether anything changed. Throws, changing nothing, on
 * bad input.
 */
export function saveIncident(
  doc: Y.Doc,
  id: string,
  fields: IncidentFields,
  by: string,
  at: number,
): boolean {
  if (!isId(id)) throw new RangeError('incident id must be 1–64 letters, digits, _ or -');
  checkIncident(fields, at);
  return saveAuthoredEntry(doc, INCIDENTS, id, by, at, (map) => [
    !map.has('createdAt') &&
      setIfChanged(map, 'createdBy', by) &&
      setIfChanged(map, 'createdAt', at),
    setIfChanged(map, 'systemId', fields.systemId),
    setIfChanged(map, 'title', fields.title),
    setIfChanged(map, 'kind', fields.kind),
    setIfChanged(map, 'type', fields.type),
    setIfChanged(map, 'detectedAt', fields.detectedAt),
    setIfChanged(map, 'detectedBy', fields.detectedBy),
    setIfChanged(map, 'description', fields.description),
    setIfChanged(map, 'peopleAffected', fields.peopleAffected),
    setIfChanged(map, 'peopleCount', fields.peopleCount),
    setIfChanged(map, 'severity', fields.severity),
    syncTrueSet(map, 'serious', fields.serious),
    setIfChanged(map, 'death', fields.death),
    setIfChanged(map, 'widespread', fields.widespread),
    setIfChanged(map, 'personalDataBreach', fields.personalDataBreach),
    ...PARTIES.map((party) =>
      setIfChanged(map, NOTICE_PREFIX + party, noticeValue(fields.informed[party])),
    ),
    setIfChanged(map, 'useSuspended', fields.useSuspended),
    syncTrueSet(map, 'riskIds', fields.riskIds),
    setIfChanged(map, 'correctiveAction', fields.correctiveAction),
    setIfChanged(map, 'status', fields.status),
  ]);
}

/** Removes an incident; false when there was none. */
export function deleteIncident(doc: Y.Doc, id: string): boolean {
  const incidents = doc.getMap<unknown>(INCIDENTS);
  if (!isId(id) || !incidents.has(id)) return false;
  doc.transact(() => {
    ensureWritable(doc, REGISTRY_SCHEMA);
    incidents.delete(id);
  });
  return true;
}
