import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { previewRevert, revertTo } from './revert-to.ts';

const copyOf = (doc: Y.Doc) => {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
};

/** Every root type's content, whatever its kind, as plain JSON. */
const content = (doc: Y.Doc) => ({
  records: doc.getMap('records').toJSON(),
  log: doc.getArray('log').toJSON(),
  title: doc.getText('title').toString(),
  section: doc.getXmlFragment('section:intro').toString(),
});

function registryAtNoon(): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    const record = new Y.Map<unknown>();
    doc.getMap('records').set('r1', record);
    record.set('name', 'ChatGPT');
    record.set('departments', { sales: true });
    const history = new Y.Array<unknown>();
    record.set('history', history);
    history.push([{ action: 'edited', at: 1 }]);
    doc.getMap('records').set('r2', 'plain value');
    doc.getArray('log').push(['one', 'two', 'three']);
    doc.getText('title').insert(0, 'Inventory');
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('Purpose of the system')]);
    doc.getXmlFragment('section:intro').insert(0, [paragraph]);
  });
  return doc;
}

function wreck(doc: Y.Doc): void {
  doc.transact(() => {
    const record = doc.getMap('records').get('r1') as Y.Map<unknown>;
    record.set('name', 'Vandalised');
    (record.get('history') as Y.Array<unknown>).push([{ action: 'edited', at: 2 }]);
    doc.getMap('records').delete('r2');
    doc.getMap('records').set('r3', 'added later');
    doc.getArray('log').delete(1, 1);
    doc.getArray('log').push(['four']);
    doc.getText('title').delete(0, 4);
    doc.getXmlFragment('section:intro').delete(0, 1);
  });
}

describe('revertTo (docs/sync.md DR8)', () => {
  it('makes the current document hold the old content again, as new changes, and says what changed', () => {
    const noon = registryAtNoon();
    const live = copyOf(noon);
    wreck(live);
    const before = Y.encodeStateVector(live);
    const preview = previewRevert(live, copyOf(noon));
    expect(content(live)).not.toEqual(content(noon)); // the preview changed nothing
    let changes: string[] = [];
    live.transact(() => (changes = revertTo(live, copyOf(noon))));
    expect(content(live)).toEqual(content(noon));
    expect(changes).toEqual(preview);
    expect(changes).toEqual(
      expect.arrayContaining(['records.r1.name set', 'records.r2 restored', 'records.r3 removed']),
    );
    // New changes: the state vector moved on, nothing was rewound.
    expect(Y.encodeStateVector(live)).not.toEqual(before);
  });

  it('is not merged away by a replica that still holds the wrecked state, and keeps its later edits', () => {
    const noon = registryAtNoon();
    const relay = copyOf(noon);
    wreck(relay);
    const laptop = copyOf(relay); // offline with the wrecked content
    relay.transact(() => revertTo(relay, copyOf(noon)));
    laptop.getMap('records').set('r4', 'written offline after the wreck');
    Y.applyUpdate(laptop, Y.encodeStateAsUpdate(relay));
    Y.applyUpdate(relay, Y.encodeStateAsUpdate(laptop));
    expect(content(relay)).toEqual(content(laptop));
    expect(content(relay)).toEqual({
      ...content(noon),
      records: { ...content(noon).records, r4: 'written offline after the wreck' },
    });
  });

  it('changes nothing when the content is already the same', () => {
    const noon = registryAtNoon();
    const live = copyOf(noon);
    const before = Y.encodeStateVector(live);
    live.transact(() => expect(revertTo(live, copyOf(noon))).toEqual([]));
    expect(Y.encodeStateVector(live)).toEqual(before);
  });
});
