import * as Y from 'yjs';
import { addProblem } from '../schema/problems.ts';
import { fragmentBlocks, sectionFragment, type Block } from './fragments.ts';
import {
  MAX_VERSION_BYTES,
  sectionFragmentName,
  type OutlineSection,
  type VersionInfo,
} from './schema.ts';

/**
 * Versions: what a sign-off froze, read back for viewing, exporting and comparing. The frozen
 * `content` is self-contained and works on every replica; the `snapshot` additionally lets a
 * document kept with gc: false rebuild its whole state at sign-off (Y.createDocFromSnapshot).
 */

export interface SectionText {
  id: string;
  title: string;
  blocks: Block[];
}

/** The sections' fragments cloned into a fresh document, encoded: a version's `content`. */
export function freezeSections(doc: Y.Doc, outline: readonly OutlineSection[]): Uint8Array {
  const frozen = new Y.Doc();
  const problems: string[] = [];
  frozen.transact(() => {
    for (const section of outline) {
      const source = sectionFragment(doc, section.id, problems);
      if (!source || source.length === 0) continue;
      frozen.getXmlFragment(sectionFragmentName(section.id)).insert(
        0,
        source
          .toArray()
          .flatMap((node) =>
            node instanceof Y.XmlElement || node instanceof Y.XmlText
              ? [node.clone() as Y.XmlElement | Y.XmlText]
              : [],
          ),
      );
    }
  });
  return Y.encodeStateAsUpdate(frozen);
}

function sectionsOf(doc: Y.Doc, outline: readonly OutlineSection[], problems: string[]) {
  return outline.map((section) => {
    const fragment = sectionFragment(doc, section.id, problems);
    return {
      id: section.id,
      title: section.title,
      blocks: fragment ? fragmentBlocks(fragment) : [],
    };
  });
}

/** The live draft's sections, in outline order. */
export function currentSections(
  doc: Y.Doc,
  outline: readonly OutlineSection[],
  problems: string[] = [],
): SectionText[] {
  return sectionsOf(doc, outline, problems);
}

/**
 * A version's frozen sections, from its content. Undecodable or oversized content is reported
 * and reads as empty sections, never as a throw.
 */
export function versionSections(
  version: VersionInfo,
  outline: readonly OutlineSection[],
  problems: string[] = [],
): SectionText[] {
  const frozen = new Y.Doc();
  const content = version.content;
  if (!content || content.length > MAX_VERSION_BYTES) {
    addProblem(problems, `versions.${version.id}: no readable content`);
  } else {
    try {
      Y.applyUpdate(frozen, content);
    } catch {
      addProblem(problems, `versions.${version.id}: content is not a Yjs update`);
    }
  }
  return sectionsOf(frozen, outline, problems);
}

/**
 * The document as it was at the version's sign-off, rebuilt from its Yjs snapshot. Needs a
 * document created with gc: false (and kept so on every replica): throws a clear error otherwise.
 */
export function sectionsFromSnapshot(
  doc: Y.Doc,
  version: VersionInfo,
  outline: readonly OutlineSection[],
): SectionText[] {
  if (doc.gc) {
    throw new Error(
      'restoring a snapshot needs the document created with new Y.Doc({ gc: false })',
    );
  }
  if (!version.snapshot) throw new Error(`version ${version.id} has no snapshot`);
  const restored = Y.createDocFromSnapshot(doc, Y.decodeSnapshot(version.snapshot));
  return sectionsOf(restored, outline, []);
}

export type ChangeKind = 'same' | 'added' | 'removed';

export interface SectionComparison {
  id: string;
  title: string;
  changed: boolean;
  /** Paragraph by paragraph, in reading order. */
  changes: Array<{ kind: ChangeKind; block: Block }>;
}

const MAX_DIFF_CELLS = 4_000_000;

/** Paragraph-level longest-common-subsequence diff of two block lists. */
function diffBlocks(before: Block[], after: Block[]): SectionComparison['changes'] {
  const key = (b: Block) => `${b.type}:${b.level ?? ''}:${b.depth ?? ''}:${b.text}`;
  const a = before.map(key);
  const b = after.map(key);
  if (a.length * b.length > MAX_DIFF_CELLS) {
    // Too big to align: everything removed, then everything added.
    return [
      ...before.map((block) => ({ kind: 'removed' as const, block })),
      ...after.map((block) => ({ kind: 'added' as const, block })),
    ];
  }
  const lcs = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i]![j] =
        a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
    }
  }
  const changes: SectionComparison['changes'] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      changes.push({ kind: 'same', block: after[j]! });
      i++;
      j++;
    } else if (j < b.length && (i >= a.length || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) {
      changes.push({ kind: 'added', block: after[j++]! });
    } else {
      changes.push({ kind: 'removed', block: before[i++]! });
    }
  }
  return changes;
}

/** Compares two versions (or a version and the draft), section by section, in `after`'s order. */
export function compareSections(
  before: readonly SectionText[],
  after: readonly SectionText[],
): SectionComparison[] {
  const old = new Map(before.map((s) => [s.id, s]));
  const result = after.map((section) => {
    const changes = diffBlocks(old.get(section.id)?.blocks ?? [], section.blocks);
    return {
      id: section.id,
      title: section.title,
      changed: changes.some((c) => c.kind !== 'same'),
      changes,
    };
  });
  for (const section of before) {
    if (!after.some((s) => s.id === section.id)) {
      const changes = diffBlocks(section.blocks, []);
      result.push({ id: section.id, title: section.title, changed: changes.length > 0, changes });
    }
  }
  return result;
}
