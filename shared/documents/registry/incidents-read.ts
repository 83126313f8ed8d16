import type * as Y from 'yjs';
import { PARTIES, SERIOUS_POINTS, type SeriousPoint } from '../../incidents/reporting-periods.ts';
import { addProblem } from '../schema/problems.ts';
import { fieldsOf, isPlainObject } from '../schema/read-core.ts';
import {
  readBoolean,
  readEnum,
  readNumber,
  readString,
  readTimestamp,
  topMap,
} from '../schema/read.ts';
import { readRecords, readStringSet } from '../schema/read-lists.ts';
import { isId } from '../schema/values.ts';
import {
  INCIDENTS,
  INCIDENT_KINDS,
  INCIDENT_STATUSES,
  INCIDENT_TYPES,
  MAX_INCIDENT_RISKS,
  MAX_INCIDENT_TEXT,
  MAX_INCIDENT_TITLE,
  MAX_PEOPLE_COUNT,
  NOTICE_PREFIX,
  SEVERITIES,
  type Incident,
  type IncidentRegister,
  type Notice,
} from './incidents.ts';
import { MAX_PERSON } from './schema.ts';

function readNotice(map: Y.Map<unknown>, key: string, path: string, problems: string[]) {
  const value = map.get(key);
  if (value === undefined) return undefined;
  const at = `${path}.${key}`;
  if (!isPlainObject(value)) {
    addProblem(problems, `${at}: expected a notice; skipped`);
    return undefined;
  }
  const fields = fieldsOf(value);
  const time = readTimestamp(fields, 'at', problems, { path: at, required: true });
  const by = readString(fields, 'by', problems, { path: at, required: true, max: MAX_PERSON });
  const to = readString(fields, 'to', problems, { path: at, max: MAX_PERSON });
  if (time === undefined || by === undefined) return undefined;
  const notice: Notice = { at: time, by };
  if (to !== undefined) notice.to = to;
  return notice;
}

/** The Art. 3(49) points; when the set cannot be read at all, every point, said so (as above). */
function readSerious(map: Y.Map<unknown>, path: string, problems: string[]): SeriousPoint[] {
  const points = readStringSet(map, 'serious', problems, {
    path,
    maxItems: SERIOUS_POINTS.length,
    accept: (point) => (SERIOUS_POINTS as readonly string[]).includes(point),
  });
  if (points !== undefined || !map.has('serious')) return (points ?? []) as SeriousPoint[];
  addProblem(problems, `${path}.serious: unreadable; treated as every Art. 3(49) point`);
  return [...SERIOUS_POINTS];
}

function readIncident(map: Y.Map<unknown>, id: string, path: string, problems: string[]) {
  const opts = { path, required: true };
  const text = (key: string, max: number) => readString(map, key, problems, { ...opts, max });
  const systemId = readString(map, 'systemId', problems, opts);
  const title = text('title', MAX_INCIDENT_TITLE);
  const kind = readEnum(map, 'kind', INCIDENT_KINDS, problems, opts);
  const type = readEnum(map, 'type', INCIDENT_TYPES, problems, opts);
  const detectedAt = readTimestamp(map, 'detectedAt', problems, opts);
  const severity = readEnum(map, 'severity', SEVERITIES, problems, opts);
  const status = readEnum(map, 'status', INCIDENT_STATUSES, problems, opts);
  if (
    systemId === undefined ||
    !isId(systemId) ||
    title === undefined ||
    kind === undefined ||
    type === undefined ||
    detectedAt === undefined ||
    severity === undefined ||
    status === undefined
  ) {
    addProblem(problems, `${path}: unreadable incident; skipped`);
    return undefined;
  }
  // A flag that cannot be read counts as set when it would start a clock: a damaged entry must
  // never hide a deadline, so it shows the stricter case and says why.
  const strictFlag = (key: string) => {
    const flag = readBoolean(map, key, problems, { path });
    if (flag === undefined && map.has(key)) {
      addProblem(problems, `${path}.${key}: unreadable; treated as true`);
      return true;
    }
    return flag ?? false;
  };
  const incident: Incident = {
    id,
    systemId,
    title,
    kind,
    type,
    detectedAt,
    detectedBy: text('detectedBy', MAX_PERSON) ?? '',
    description: readString(map, 'description', problems, { path, max: MAX_INCIDENT_TEXT }) ?? '',
    peopleAffected:
      readString(map, 'peopleAffected', problems, { path, max: MAX_INCIDENT_TEXT }) ?? '',
    severity,
    serious: readSerious(map, path, problems),
    death: strictFlag('death'),
    widespread: strictFlag('widespread'),
    personalDataBreach: strictFlag('personalDataBreach'),
    informed: {},
    useSuspended: readBoolean(map, 'useSuspended', problems, { path }) ?? false,
    riskIds:
      readStringSet(map, 'riskIds', problems, {
        path,
        maxItems: MAX_INCIDENT_RISKS,
        accept: isId,
      }) ?? [],
    correctiveAction:
      readString(map, 'correctiveAction', problems, { path, max: MAX_INCIDENT_TEXT }) ?? '',
    status,
    createdBy: readString(map, 'createdBy', problems, { path, max: MAX_PERSON }) ?? '',
    createdAt: readTimestamp(map, 'createdAt', problems, { path }) ?? 0,
    updatedBy: readString(map, 'updatedBy', problems, { path, max: MAX_PERSON }) ?? '',
    updatedAt: readTimestamp(map, 'updatedAt', problems, { path }) ?? 0,
  };
  const count = readNumber(map, 'peopleCount', problems, {
    path,
    integer: true,
    min: 0,
    max: MAX_PEOPLE_COUNT,
  });
  if (count !== undefined) incident.peopleCount = count;
  for (const party of PARTIES) {
    const notice = readNotice(map, NOTICE_PREFIX + party, path, problems);
    if (notice !== undefined) incident.informed[party] = notice;
  }
  return [id, incident] as const;
}

/** The incident register, read without trust: what has the wrong shape is skipped and listed. */
export function readIncidentRegister(doc: Y.Doc): IncidentRegister {
  const problems: string[] = [];
  const map = topMap(doc, INCIDENTS, problems);
  if (map === undefined) return { incidents: new Map(), problems };
  const entries = readRecords(map, INCIDENTS, problems, isId, (incident, id, path) =>
    readIncident(incident, id, path, problems),
  );
  return { incidents: new Map(entries), problems };
}
