import type { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';

type Listener = (...args: never[]) => void;
interface Change {
  added: number[];
  updated: number[];
  removed: number[];
}

/** The top-level type a position lies in. */
function rootOf(type: Y.AbstractType<unknown>): Y.AbstractType<unknown> {
  let root = type;
  while (root._item?.parent instanceof Y.AbstractType) root = root._item.parent as typeof root;
  return root;
}

/**
 * One section editor's view of the assessment's awareness. Every section shares one awareness
 * (one provider per document), and each editor's caret plugin redraws on every `change`: a
 * keystroke moves this device's caret, so 50 sections would each redraw per keystroke. This view
 * passes a `change` on only when it concerns a caret that is, or just was, in this section.
 */
export function sectionAwareness(awareness: Awareness, fragment: Y.XmlFragment): Awareness {
  const doc = fragment.doc;
  const here = new Set<number>();
  const wrapped = new Map<Listener, Listener>();
  const cursorHere = (clientId: number): boolean => {
    const cursor = (awareness.getStates().get(clientId) as { cursor?: { anchor?: unknown } })
      ?.cursor;
    if (!doc || !cursor?.anchor) return false;
    try {
      const relative = Y.createRelativePositionFromJSON(cursor.anchor);
      const absolute = Y.createAbsolutePositionFromRelativePosition(relative, doc);
      return absolute !== null && rootOf(absolute.type) === fragment;
    } catch {
      return false; // another device's state is untrusted
    }
  };
  // Worked out once per event, however many listeners this view has.
  let last: { change: Change; concerns: boolean } | undefined;
  const concernsThisSection = (change: Change): boolean => {
    if (last?.change === change) return last.concerns;
    const { added, updated, removed } = change;
    let concerns = false;
    for (const id of [...added, ...updated, ...removed]) {
      const was = here.has(id);
      const is = !removed.includes(id) && cursorHere(id);
      if (is) here.add(id);
      else here.delete(id);
      if (was || is) concerns = true;
    }
    last = { change, concerns };
    return concerns;
  };
  return new Proxy(awareness, {
    get(target, property, receiver) {
      if (property === 'on' || property === 'off') {
        return (name: string, listener: Listener) => {
          if (name !== 'change') return target[property](name, listener as never);
          let inner = wrapped.get(listener);
          if (!inner) {
            inner = ((change: Change, origin: unknown) => {
              if (concernsThisSection(change))
                (listener as (...a: unknown[]) => void)(change, origin);
            }) as Listener;
            wrapped.set(listener, inner);
          }
          if (property === 'off') wrapped.delete(listener);
          target[property]('change', inner as never);
        };
      }
      const value: unknown = Reflect.get(target, property, receiver);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
