import * as decoding from 'lib0/decoding';

/** Hocuspocus message types a client may send (BroadcastStateless and SyncStatus are server-side only). */
const SYNC = 0;
const AWARENESS = 1;
const AUTH = 2;
const QUERY_AWARENESS = 3;
const SYNC_REPLY = 4;
const STATELESS = 5;
const CLOSE = 7;
const PING = 9;
const PONG = 10;

const MAX_NAME = 400;

/**
 * Checks a frame's envelope before Hocuspocus sees it (docs/sync.md L4): a document name, a known
 * message type and, for each type, fields that decode and end where the frame ends. A malformed
 * frame is dropped with its connection closed, without a stack trace per frame in the logs (which
 * would let a hostile client fill the disk). What lies inside a well-formed Yjs update is Yjs's
 * business; Hocuspocus closes the connection if that fails.
 */
export function isWellFormedFrame(frame: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(frame);
    const name = decoding.readVarString(decoder);
    if (name.length === 0 || name.length > MAX_NAME) return false;
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case SYNC:
      case SYNC_REPLY: {
        const step = decoding.readVarUint(decoder);
        if (step > 2) return false;
        decoding.readVarUint8Array(decoder);
        break;
      }
      case AWARENESS:
        decoding.readVarUint8Array(decoder);
        break;
      case AUTH:
        decoding.readVarUint(decoder);
        decoding.readVarString(decoder);
        break;
      case STATELESS:
        decoding.readVarString(decoder);
        break;
      case QUERY_AWARENESS:
      case CLOSE:
      case PING:
      case PONG:
        break;
      default:
        return false;
    }
    // Hocuspocus providers may append a trailing field (e.g. the provider version after auth).
    while (decoding.hasContent(decoder)) decoding.readVarString(decoder);
    return true;
  } catch {
    return false;
  }
}
