import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openDatabase } from '../storage/database.ts';
import { tempDir } from '../../test/helpers/temp-dir.ts';
import { SqliteDocumentStore } from './sqlite-document-store.ts';

const cleanups: (() => unknown)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
});

function store() {
  const dir = tempDir();
  cleanups.push(dir.remove);
  const db = openDatabase(join(dir.path, 'sightline.db'));
  cleanups.push(() => db.close());
  return new SqliteDocumentStore(db);
}

const NOTE = 'a private note the employee removed';
const bytesContain = (bytes: Uint8Array, text: string) =>
  Buffer.from(bytes).includes(Buffer.from(text, 'utf8'));

describe('compaction (docs/sync.md S2)', () => {
  it('keeps no content a writer deleted: a removed flag’s note is gone from the snapshot', () => {
    const documents = store();
    const name = 'acme/reports/r1';
    const doc = new Y.Doc();
    const flags = doc.getMap<Y.Map<string>>('flags');
    doc.transact(() => {
      const flag = new Y.Map<string>();
      flag.set('note', NOTE);
      flags.set('host:example.ai', flag);
    });
    documents.compact(name, Y.encodeStateAsUpdate(doc), 0);
    expect(bytesContain(documents.load(name)[0]!, NOTE)).toBe(true);

    flags.delete('host:example.ai');
    documents.compact(name, Y.encodeStateAsUpdate(doc), 0);
    const snapshot = documents.load(name)[0]!;
    expect(bytesContain(snapshot, NOTE)).toBe(false);
    const restored = new Y.Doc();
    Y.applyUpdate(restored, snapshot);
    expect(restored.getMap('flags').size).toBe(0);
  });

  it('keeps deleted content of an assessment, whose signed-off versions need it', () => {
    const documents = store();
    const name = 'acme/assessment/a1';
    const doc = new Y.Doc({ gc: false });
    const text = doc.getText('section');
    text.insert(0, NOTE);
    documents.compact(name, Y.encodeStateAsUpdate(doc), 0);
    text.delete(0, text.length);
    documents.compact(name, Y.encodeStateAsUpdate(doc), 0);
    expect(bytesContain(documents.load(name)[0]!, NOTE)).toBe(true);
  });
});
