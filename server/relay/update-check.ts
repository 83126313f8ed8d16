import * as Y from 'yjs';

export type UpdateVerdict = 'invalid' | 'nothing-new' | 'new';

/**
 * What a client's Yjs update (v1) would do to `doc`, without applying it (docs/sync.md DR4):
 * `invalid` when Yjs would reject it — it does not decode, or an item refers to a later item of its
 * own client (which makes Y.applyUpdate throw after decoding); `nothing-new` when every item is
 * already in the document and it deletes nothing; otherwise `new`. Costs one decode of the update.
 */
export function inspectUpdate(doc: Y.Doc, update: Uint8Array): UpdateVerdict {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return 'invalid';
  }
  let known = true;
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Item) {
      for (const ref of [struct.origin, struct.rightOrigin, struct.parent]) {
        if (ref instanceof Y.ID && ref.client === struct.id.client && ref.clock >= struct.id.clock)
          return 'invalid';
      }
    }
    if (known && struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client))
      known = false;
  }
  return known && decoded.ds.clients.size === 0 ? 'nothing-new' : 'new';
}
