import type * as Y from 'yjs';
import { addProblem } from '../schema/problems.ts';
import { topMap } from '../schema/read.ts';
import { isId } from '../schema/values.ts';
import { ensureWritable } from '../schema/version.ts';
import { checkTimestamp } from '../schema/write.ts';
import { REGISTRY_SCHEMA } from '../registry/schema.ts';

/**
 * INT4: the registry's list of stakeholder interviews, so every reader of the registry
 * (contributors too, P3) finds them. It holds ids only — interview id → when it was sent — the
 * title, respondent and questions stay in `W/interview/<id>`, whose module owns them. This module
 * owns the map's shape; readers never trust it.
 *
 *   interviews  interviewId → sentAt (a timestamp, for the order of the list)
 */
export const INTERVIEW_LIST = 'interviews';

/** INT4: a lead lists an interview when sending it; listing it again changes nothing. */
export function listInterview(registry: Y.Doc, interviewId: string, at: number): void {
  if (!isId(interviewId)) throw new RangeError('not an interview id');
  checkTimestamp('at', at);
  const map = registry.getMap<unknown>(INTERVIEW_LIST);
  if (map.has(interviewId)) return;
  registry.transact(() => {
    ensureWritable(registry, REGISTRY_SCHEMA);
    map.set(interviewId, at);
  });
}

export interface InterviewListRead {
  /** Newest first. */
  ids: string[];
  problems: string[];
}

/** INT4: the listed interview ids, newest first; a malformed entry is skipped and named. */
export function readInterviewList(registry: Y.Doc): InterviewListRead {
  const problems: string[] = [];
  const map = topMap(registry, INTERVIEW_LIST, problems);
  const listed: { id: string; at: number }[] = [];
  for (const [id, at] of map?.entries() ?? []) {
    if (isId(id) && typeof at === 'number' && Number.isFinite(at)) listed.push({ id, at });
    else addProblem(problems, `${INTERVIEW_LIST}.${id.slice(0, 80)}: not a listed interview`);
  }
  listed.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
  return { ids: listed.map((entry) => entry.id), problems };
}
