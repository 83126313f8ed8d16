import type * as Y from 'yjs';
import { ensureWritable } from '../schema/version.ts';
import { checkText, checkTimestamp, childMap, setIfChanged } from '../schema/write.ts';
import { readOutline } from './read.ts';
import {
  ASSESSMENT_SCHEMA,
  MAX_PERSON,
  MAX_REVIEWERS,
  REVIEWERS,
  SECTION_STATUSES,
  SECTIONS,
  type SectionStatus,
} from './schema.ts';

/**
 * Per section a status and an assignee, and the assessment's reviewers. Each section's state is
 * its own nested map, so people moving different sections at once never collide.
 */

function checkAuthor(by: string, at: number): void {
  checkText('by', by, { min: 1, max: MAX_PERSON });
  checkTimestamp('at', at);
}

function sectionState(doc: Y.Doc, sectionId: string): Y.Map<unknown> {
  const outline = readOutline(doc, []);
  if (!outline?.some((section) => section.id === sectionId)) {
    throw new Error(`no section ${sectionId} in this assessment`);
  }
  return childMap(doc.getMap<unknown>(SECTIONS), sectionId);
}

/** Moves a section to draft, in review or done. Returns whether it changed; throws on bad input. */
export function setSectionStatus(
  doc: Y.Doc,
  sectionId: string,
  status: SectionStatus,
  by: string,
  at: number,
): boolean {
  if (!SECTION_STATUSES.includes(status)) throw new RangeError('status: unknown value');
  checkAuthor(by, at);
  let changed = false;
  doc.transact(() => {
    ensureWritable(doc, ASSESSMENT_SCHEMA);
    const state = sectionState(doc, sectionId);
    changed = setIfChanged(state, 'status', status);
    if (changed) {
      setIfChanged(state, 'updatedBy', by);
      setIfChanged(state, 'updatedAt', at);
    }
  });
  return changed;
}

/** Assigns a section to a person, or (null) to nobody. Returns whether it changed. */
export function assignSection(
  doc: Y.Doc,
  sectionId: string,
  assignee: string | null,
  by: string,
  at: number,
): boolean {
  if (assignee !== null) checkText('assignee', assignee, { min: 1, max: MAX_PERSON });
  checkAuthor(by, at);
  let changed = false;
  doc.transact(() => {
    ensureWritable(doc, ASSESSMENT_SCHEMA);
    const state = sectionState(doc, sectionId);
    changed = setIfChanged(state, 'assignee', assignee ?? undefined);
    if (!state.has('status')) state.set('status', 'draft');
    if (changed) {
      setIfChanged(state, 'updatedBy', by);
      setIfChanged(state, 'updatedAt', at);
    }
  });
  return changed;
}

/** Adds (true) or removes (false) a reviewer. Returns whether it changed. */
export function setReviewer(doc: Y.Doc, person: string, reviewing: boolean): boolean {
  checkText('reviewer', person, { min: 1, max: MAX_PERSON });
  const reviewers = doc.getMap<unknown>(REVIEWERS);
  if (reviewing && !reviewers.has(person) && reviewers.size >= MAX_REVIEWERS) {
    throw new RangeError(`an assessment has at most ${MAX_REVIEWERS} reviewers`);
  }
  let changed = false;
  doc.transact(() => {
    ensureWritable(doc, ASSESSMENT_SCHEMA);
    changed = setIfChanged(reviewers, person, reviewing ? true : undefined);
  });
  return changed;
}
