import { isPlainObject } from '../schema/read-core.ts';
import { addProblem } from '../schema/problems.ts';
import { isId, MAX_TIMESTAMP } from '../schema/values.ts';
import {
  isSectionId,
  MAX_OUTLINE,
  MAX_PARAGRAPH,
  MAX_PREFILL_PARAGRAPHS,
  TEMPLATE_ID,
} from './create.ts';
import { MAX_PERSON, MAX_REVIEWERS, MAX_TITLE, type FrozenVersion } from './schema.ts';

/**
 * A version's `frozen` part, read without trust: it is plain JSON any writer of the document
 * could replace, so a value of the wrong shape reads as absent (reported) — and the registry's
 * seal over it (shared/assessments/approval-check.ts) says whether it is still what was approved.
 */

const isText = (value: unknown, max: number, min = 0): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;
const isTime = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= MAX_TIMESTAMP;
const textList = (value: unknown, max: number, count: number): value is string[] =>
  Array.isArray(value) && value.length <= count && value.every((item) => isText(item, max));

function outlineOf(value: unknown): FrozenVersion['outline'] | undefined {
  if (!Array.isArray(value) || value.length > MAX_OUTLINE) return undefined;
  const outline: FrozenVersion['outline'] = [];
  for (const item of value) {
    if (!isPlainObject(item)) return undefined;
    const { id, title, references } = item;
    if (!isSectionId(id) || !isText(title, MAX_TITLE, 1) || !textList(references, 40, 20)) {
      return undefined;
    }
    outline.push({ id, title, references: [...references] });
  }
  return outline;
}

function reviewsOf(value: unknown): FrozenVersion['reviews'] | undefined {
  if (!Array.isArray(value) || value.length > MAX_REVIEWERS) return undefined;
  const reviews: FrozenVersion['reviews'] = [];
  for (const item of value) {
    if (!isPlainObject(item) || !isText(item.by, MAX_PERSON, 1) || !isTime(item.at)) {
      return undefined;
    }
    reviews.push({ by: item.by, at: item.at });
  }
  return reviews;
}

function registerViewOf(value: unknown): FrozenVersion['registerView'] | undefined {
  if (!isPlainObject(value)) return undefined;
  const view: FrozenVersion['registerView'] = Object.create(null) as Record<string, string[]>;
  const entries = Object.entries(value);
  if (entries.length > MAX_OUTLINE) return undefined;
  for (const [id, paragraphs] of entries) {
    if (!isSectionId(id) || !textList(paragraphs, MAX_PARAGRAPH, MAX_PREFILL_PARAGRAPHS)) {
      return undefined;
    }
    view[id] = [...paragraphs];
  }
  return view;
}

export function readFrozen(
  value: unknown,
  path: string,
  problems: string[],
): FrozenVersion | undefined {
  if (value === undefined) return undefined;
  const v = isPlainObject(value) ? value : {};
  const outline = outlineOf(v.outline);
  const reviews = reviewsOf(v.reviews);
  const registerView = registerViewOf(v.registerView);
  if (
    !isText(v.title, MAX_TITLE, 1) ||
    (v.kind !== 'risk' && v.kind !== 'impact') ||
    !isId(v.recordId) ||
    !isText(v.templateId, 64, 1) ||
    !TEMPLATE_ID.test(v.templateId) ||
    typeof v.templateVersion !== 'number' ||
    !Number.isSafeInteger(v.templateVersion) ||
    v.templateVersion < 1 ||
    !outline ||
    !textList(v.reviewers, MAX_PERSON, MAX_REVIEWERS) ||
    !reviews ||
    !registerView
  ) {
    addProblem(problems, `${path}: the frozen record of the version is unreadable`);
    return undefined;
  }
  return {
    title: v.title,
    kind: v.kind,
    recordId: v.recordId,
    templateId: v.templateId,
    templateVersion: v.templateVersion,
    outline,
    reviewers: [...v.reviewers],
    reviews,
    registerView,
  };
}
