import * as Y from 'yjs';
import { jsonEqual } from './schema/write.ts';
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- Yjs types are variant in their event type
type AnyType = Y.AbstractType<any>;

type Kind = 'map' | 'array' | 'text' | 'xml';

/** Most change descriptions returned; the rest are counted. */
const MAX_CHANGES = 200;

/**
 * Makes `current` hold exactly the content of `old` by making new changes to it (docs/sync.md
 * DR8): keys `old` lacks are deleted, differing values are set again, nested types are made
 * equal or replaced by a copy. Because these are new changes rather than a rewind, every replica
 * merges them like any edit and nothing merges them away. Call it inside one transaction of
 * `current`. Returns a description of each change (`records.r1 set`, `log replaced`…), at most
 * 200, then a count.
 */
export function revertTo(current: Y.Doc, old: Y.Doc): string[] {
  const changes: string[] = [];
  const note = (path: string, what: string) => {
    if (changes.length < MAX_CHANGES) changes.push(`${path} ${what}`);
    else changes[MAX_CHANGES] = `… and more`;
  };
  const names = new Set([...current.share.keys(), ...old.share.keys()]);
  for (const name of [...names].sort()) {
    const kind = rootKind(old, name) ?? rootKind(current, name);
    if (!kind) continue; // empty in both
    const target = rootType(current, name, kind);
    const source = rootType(old, name, kind);
    if (target && source) syncType(target, source, name, note);
  }
  return changes;
}

/** What `revertTo` would change, computed on a copy: `current` is untouched. */
export function previewRevert(current: Y.Doc, old: Y.Doc): string[] {
  const copy = new Y.Doc({ gc: current.gc });
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(current));
  let changes: string[] = [];
  copy.transact(() => (changes = revertTo(copy, old)));
  copy.destroy();
  return changes;
}

/** A root type's kind, read from its content when nothing has defined it yet in this replica. */
function rootKind(doc: Y.Doc, name: string): Kind | undefined {
  const type = doc.share.get(name);
  if (!type) return undefined;
  if (type instanceof Y.Map) return 'map';
  if (type instanceof Y.XmlFragment) return 'xml';
  if (type instanceof Y.Text) return 'text';
  if (type instanceof Y.Array) return 'array';
  if (type._map.size > 0) return 'map';
  for (let item = type._start; item; item = item.right) {
    if (item.deleted) continue;
    const content = item.content;
    if (
      content instanceof Y.ContentString ||
      content instanceof Y.ContentFormat ||
      content instanceof Y.ContentEmbed
    )
      return 'text';
    if (content instanceof Y.ContentType && isXml(content.type)) return 'xml';
    return 'array';
  }
  return undefined;
}

function rootType(doc: Y.Doc, name: string, kind: Kind): AnyType | undefined {
  try {
    if (kind === 'map') return doc.getMap(name);
    if (kind === 'text') return doc.getText(name);
    if (kind === 'xml') return doc.getXmlFragment(name);
    return doc.getArray(name);
  } catch {
    return undefined; // defined as another kind in this replica: left alone
  }
}

type Note = (path: string, what: string) => void;

function syncType(target: AnyType, source: AnyType, path: string, note: Note): void {
  if (target instanceof Y.Map && source instanceof Y.Map) syncMap(target, source, path, note);
  else if (target instanceof Y.Array && source instanceof Y.Array)
    syncArray(target, source, path, note);
  else if (sameJson(target, source)) return;
  else if (target instanceof Y.XmlFragment && source instanceof Y.XmlFragment) {
    target.delete(0, target.length);
    target.insert(0, source.toArray().map(cloneValue) as Y.XmlElement[]);
    note(path, 'replaced');
  } else if (target instanceof Y.Text && source instanceof Y.Text && !isXml(target)) {
    target.delete(0, target.length);
    target.applyDelta(source.toDelta());
    note(path, 'replaced');
  }
}

function syncMap(target: Y.Map<unknown>, source: Y.Map<unknown>, path: string, note: Note): void {
  for (const key of [...target.keys()]) {
    if (!source.has(key)) {
      target.delete(key);
      note(`${path}.${key}`, 'removed');
    }
  }
  for (const [key, value] of source.entries()) {
    const existing = target.get(key);
    if (value instanceof Y.AbstractType && sameKind(existing, value)) {
      syncType(existing, value, `${path}.${key}`, note);
    } else if (!sameValue(existing, value)) {
      target.set(key, cloneValue(value));
      note(`${path}.${key}`, existing === undefined ? 'restored' : 'set');
    }
  }
}

/** Keeps the common start and end, replaces the middle. */
function syncArray(
  target: Y.Array<unknown>,
  source: Y.Array<unknown>,
  path: string,
  note: Note,
): void {
  const now = target.toArray();
  const then = source.toArray();
  let start = 0;
  while (start < now.length && start < then.length && sameValue(now[start], then[start])) start++;
  let end = 0;
  while (
    end < now.length - start &&
    end < then.length - start &&
    sameValue(now[now.length - 1 - end], then[then.length - 1 - end])
  )
    end++;
  const removed = now.length - start - end;
  const inserted = then.slice(start, then.length - end);
  if (removed === 0 && inserted.length === 0) return;
  if (removed > 0) target.delete(start, removed);
  if (inserted.length > 0) target.insert(start, inserted.map(cloneValue));
  note(path, `${removed} item(s) removed, ${inserted.length} restored`);
}

function isXml(type: unknown): boolean {
  return type instanceof Y.XmlElement || type instanceof Y.XmlText || type instanceof Y.XmlHook;
}

function sameKind(a: unknown, b: AnyType): a is AnyType {
  return a instanceof Y.AbstractType && a.constructor === b.constructor;
}

function cloneValue(value: unknown): unknown {
  return value instanceof Y.AbstractType ? value.clone() : value;
}

function sameJson(a: AnyType, b: AnyType): boolean {
  return JSON.stringify(a.toJSON()) === JSON.stringify(b.toJSON());
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Y.AbstractType || b instanceof Y.AbstractType)
    return (
      a instanceof Y.AbstractType &&
      b instanceof Y.AbstractType &&
      a.constructor === b.constructor &&
      sameJson(a, b)
    );
  return jsonEqual(a, b);
}
