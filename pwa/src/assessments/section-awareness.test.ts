import { afterEach, describe, expect, it } from 'vitest';
import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import { sectionAwareness } from './section-awareness.ts';

const awarenesses: Awareness[] = [];
afterEach(() => awarenesses.splice(0).forEach((a) => a.destroy()));

function setup() {
  const doc = new Y.Doc({ gc: false });
  const one = doc.getXmlFragment('section:one');
  const two = doc.getXmlFragment('section:two');
  for (const fragment of [one, two]) {
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('some text')]);
    fragment.insert(0, [paragraph]);
  }
  const awareness = new Awareness(doc);
  awarenesses.push(awareness);
  const caretIn = (fragment: Y.XmlFragment) => {
    const text = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlText;
    const at = JSON.parse(JSON.stringify(Y.createRelativePositionFromTypeIndex(text, 2)));
    return { anchor: at, head: at };
  };
  const seen = { one: 0, two: 0 };
  sectionAwareness(awareness, one).on('change', () => seen.one++);
  sectionAwareness(awareness, two).on('change', () => seen.two++);
  return { awareness, one, two, caretIn, seen };
}

describe('a section’s view of the awareness', () => {
  it('tells a section only about carets that are, or just were, in it', () => {
    const { awareness, one, two, caretIn, seen } = setup();
    awareness.setLocalStateField('cursor', caretIn(one));
    expect(seen).toEqual({ one: 1, two: 0 });
    awareness.setLocalStateField('cursor', caretIn(two)); // moved: both redraw
    expect(seen).toEqual({ one: 2, two: 1 });
    awareness.setLocalStateField('cursor', caretIn(two));
    expect(seen).toEqual({ one: 2, two: 1 }); // unchanged state: no change event at all
    awareness.setLocalStateField('cursor', null);
    expect(seen).toEqual({ one: 2, two: 2 });
    awareness.setLocalStateField('cursor', { anchor: { bogus: true }, head: 1 });
    expect(seen).toEqual({ one: 2, two: 2 });
  });

  it('passes everything else through to the awareness', () => {
    const { awareness, one } = setup();
    const view = sectionAwareness(awareness, one);
    view.setLocalStateField('user', { name: 'Ana' });
    expect(awareness.getLocalState()).toEqual({ user: { name: 'Ana' } });
    expect(view.getStates()).toBe(awareness.getStates());
    expect(view.clientID).toBe(awareness.clientID);
    let updates = 0;
    const onUpdate = () => updates++;
    view.on('update', onUpdate);
    awareness.setLocalStateField('user', { name: 'Ben' });
    view.off('update', onUpdate);
    awareness.setLocalStateField('user', { name: 'Cy' });
    expect(updates).toBe(1);
  });

  it('stops listening when a listener is removed', () => {
    const { awareness, one, caretIn } = setup();
    const view = sectionAwareness(awareness, one);
    let calls = 0;
    const listener = () => calls++;
    view.on('change', listener);
    awareness.setLocalStateField('cursor', caretIn(one));
    view.off('change', listener);
    awareness.setLocalStateField('cursor', null);
    expect(calls).toBe(1);
  });
});
