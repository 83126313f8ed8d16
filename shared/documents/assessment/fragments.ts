import * as Y from 'yjs';
import { addProblem } from '../schema/problems.ts';
import { sectionFragmentName } from './schema.ts';

/**
 * A section's rich text as TipTap's StarterKit stores it through y-prosemirror: one Y.XmlElement
 * per node, named after the node type (paragraph, heading, bulletList, listItem, …), and
 * Y.XmlText for the text, its marks as formatting attributes. Exports need only the text and the
 * block structure, read here into plain blocks; marks are dropped.
 */

export type BlockType = 'paragraph' | 'heading' | 'bullet' | 'ordered' | 'quote' | 'code';

export interface Block {
  type: BlockType;
  text: string;
  /** Heading level 1–6. */
  level?: number;
  /** List nesting, 1 for a top-level item. */
  depth?: number;
}

/** Deeper nesting is read as text without structure: a hostile document cannot overflow the stack. */
const MAX_DEPTH = 32;
const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'codeBlock']);

/** The section's fragment, or undefined (reported) when its name already holds another type. */
export function sectionFragment(
  doc: Y.Doc,
  sectionId: string,
  problems: string[],
): Y.XmlFragment | undefined {
  const name = sectionFragmentName(sectionId);
  try {
    return doc.getXmlFragment(name);
  } catch {
    addProblem(problems, `${name}: expected rich text, found another type`);
    return undefined;
  }
}

/** Appends one StarterKit paragraph per item (an empty string gives an empty paragraph). */
export function appendParagraphs(fragment: Y.XmlFragment, paragraphs: readonly string[]): void {
  const nodes = paragraphs.map((text) => {
    const paragraph = new Y.XmlElement('paragraph');
    if (text !== '') paragraph.insert(0, [new Y.XmlText(text)]);
    return paragraph;
  });
  if (nodes.length > 0) fragment.insert(fragment.length, nodes);
}

/** A text run without its marks (embeds are skipped). */
function runText(text: Y.XmlText): string {
  let result = '';
  for (const op of text.toDelta() as Array<{ insert?: unknown }>) {
    if (typeof op.insert === 'string') result += op.insert;
  }
  return result;
}

/** Every text run under a node, depth-first without recursion: for trees too deep to walk. */
function allText(node: Y.XmlElement): string {
  let text = '';
  const stack: Array<Y.XmlElement | Y.XmlText | Y.XmlHook> = [node];
  while (stack.length > 0) {
    const next = stack.pop()!;
    if (next instanceof Y.XmlText) text += runText(next);
    else if (next instanceof Y.XmlElement) stack.push(...next.toArray().reverse());
  }
  return text;
}

/** The plain text of an inline container: text runs, hard breaks as newlines. */
function inlineText(node: Y.XmlElement | Y.XmlFragment, depth: number): string {
  let text = '';
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) text += runText(child);
    else if (child instanceof Y.XmlElement) {
      if (child.nodeName === 'hardBreak') text += '\n';
      else text += depth < MAX_DEPTH ? inlineText(child, depth + 1) : allText(child);
    }
  }
  return text;
}

interface Context {
  list?: 'bullet' | 'ordered';
  listDepth: number;
  quote: boolean;
}

function headingLevel(element: Y.XmlElement): number {
  const level = Number(element.getAttribute('level'));
  return Number.isInteger(level) && level >= 1 && level <= 6 ? level : 1;
}

function walk(node: Y.XmlElement | Y.XmlFragment, ctx: Context, depth: number, out: Block[]) {
  for (const child of node.toArray()) {
    if (child instanceof Y.XmlText) {
      // Text straight under a fragment or a list: not what StarterKit writes; shown as a paragraph.
      const text = runText(child);
      if (text !== '') out.push({ type: 'paragraph', text });
      continue;
    }
    if (!(child instanceof Y.XmlElement)) continue;
    const name = child.nodeName;
    if (depth >= MAX_DEPTH) {
      out.push({ type: 'paragraph', text: allText(child) });
    } else if (TEXT_BLOCKS.has(name)) {
      const text = inlineText(child, depth + 1);
      if (name === 'heading') out.push({ type: 'heading', text, level: headingLevel(child) });
      else if (name === 'codeBlock') out.push({ type: 'code', text });
      else if (ctx.list) out.push({ type: ctx.list, text, depth: ctx.listDepth });
      else out.push({ type: ctx.quote ? 'quote' : 'paragraph', text });
    } else if (name === 'bulletList' || name === 'orderedList') {
      const list = name === 'bulletList' ? 'bullet' : 'ordered';
      walk(child, { ...ctx, list, listDepth: ctx.listDepth + 1 }, depth + 1, out);
    } else if (name === 'blockquote') {
      walk(child, { ...ctx, quote: true }, depth + 1, out);
    } else if (name !== 'horizontalRule' && name !== 'hardBreak') {
      // listItem and anything unknown: look inside, so no text is hidden.
      walk(child, ctx, depth + 1, out);
    }
  }
}

/** A section's blocks, in order. Never throws. */
export function fragmentBlocks(fragment: Y.XmlFragment): Block[] {
  const out: Block[] = [];
  walk(fragment, { listDepth: 0, quote: false }, 0, out);
  return out;
}

/** Blocks as plain text, one per line: for comparing versions. */
export function blocksText(blocks: readonly Block[]): string {
  return blocks.map((block) => block.text).join('\n');
}
