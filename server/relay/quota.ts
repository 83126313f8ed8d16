import type { Extension, Hocuspocus } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import * as Y from 'yjs';
import { parseDocumentName } from '../../shared/documents/names.ts';
import type { SizeStorage } from '../storage/relay-storage.ts';
import type { ConnectionLimits } from './rate-limit.ts';
import type { SocketInfo } from './socket-registry.ts';

const SYNC = 0;
const AWARENESS = 1;
const SYNC_REPLY = 4;
const SYNC_STEP_1 = 0;

type Limits = Pick<
  ConnectionLimits,
  'maxReportBytes' | 'maxDocumentBytes' | 'maxWorkspaceBytes' | 'maxPresenceBytes'
>;

/** What a frame would add to a document: its name and the bytes of the Yjs update it carries. */
function frameCost(frame: Uint8Array): { document: string; bytes: number; presence: boolean } {
  const decoder = decoding.createDecoder(frame);
  const address = decoding.readVarString(decoder);
  const document = address.split('\0')[0]!;
  const type = decoding.readVarUint(decoder);
  if (type === AWARENESS) return { document, bytes: frame.byteLength, presence: true };
  if (type !== SYNC && type !== SYNC_REPLY) return { document, bytes: 0, presence: false };
  const step = decoding.readVarUint(decoder);
  if (step === SYNC_STEP_1) return { document, bytes: 0, presence: false };
  return { document, bytes: decoding.readVarUint8Array(decoder).byteLength, presence: false };
}

/**
 * Byte quotas per document and per workspace (docs/sync.md H13): a member's report holds at most
 * `maxReportBytes`, any other document `maxDocumentBytes`, a whole workspace `maxWorkspaceBytes`.
 * Each document's size is measured when it loads and whenever it is stored, and grows with every
 * update written to it in between; when a write would pass a cap, the size is measured again
 * (deletions shrink a document), and the write is refused only if it still would. Sizes are kept in the store (`document_sizes`) so that a
 * workspace counts the documents that are not loaded too: read when a connection first names a
 * document or workspace (`onConnect`, before its first update is handled) and added to what was
 * counted meanwhile. Frames a connection may not write (read only) are not counted: the relay drops
 * them anyway.
 */
export class Quotas {
  readonly #limits: Limits;
  readonly #sizes = new Map<string, number>();
  readonly #workspaces = new Map<string, number>();
  readonly #stored: SizeStorage;
  /** Documents and workspaces whose stored size was read (or is being read) into the counts. */
  readonly #primed = new Map<string, Promise<void>>();
  #hocuspocus: Hocuspocus | undefined;

  /** The relay whose loaded documents are measured again when a write would pass a cap. */
  attach(hocuspocus: Hocuspocus): void {
    this.#hocuspocus = hocuspocus;
  }

  constructor(stored: SizeStorage, limits: Limits) {
    this.#limits = limits;
    this.#stored = stored;
  }

  /** Reads a document's and its workspace's stored sizes into the counts, once each. */
  prime(document: string): Promise<void> {
    const name = parseDocumentName(document);
    if (!name) return Promise.resolve();
    const once = (key: string, read: () => Promise<void>) => {
      let done = this.#primed.get(key);
      if (!done) {
        done = read().catch(() => {
          this.#primed.delete(key); // read again next time
        });
        this.#primed.set(key, done);
      }
      return done;
    };
    return Promise.all([
      once(`d:${document}`, async () => {
        const bytes = await this.#stored.get(document);
        this.#sizes.set(document, (this.#sizes.get(document) ?? 0) + bytes);
      }),
      once(`w:${name.workspace}`, async () => {
        const bytes = await this.#stored.workspaceTotal(name.workspace);
        this.#workspaces.set(name.workspace, (this.#workspaces.get(name.workspace) ?? 0) + bytes);
      }),
    ]).then(() => undefined);
  }

  /**
   * Why a frame from `socket` is refused, or undefined when it may pass (and its bytes are then
   * counted). Presence frames are bounded by size alone (H6).
   */
  refuses(frame: Uint8Array, socket: SocketInfo | undefined): string | undefined {
    const cost = frameCost(frame);
    if (cost.presence)
      return cost.bytes > 4 * this.#limits.maxPresenceBytes + 1024
        ? 'presence too large'
        : undefined;
    if (cost.bytes === 0 || socket?.readOnly.has(cost.document)) return undefined;
    return this.admits(cost.document, cost.bytes);
  }

  /**
   * Why `bytes` more in `document` are refused, or undefined when they may be written (and are
   * then counted): the frames above, and the relay's own writes for a client of its HTTP API
   * (observations, docs/sync.md MON3).
   */
  admits(document: string, bytes: number): string | undefined {
    const name = parseDocumentName(document);
    if (!name) return undefined; // refused when it asks to open it
    const cap =
      name.kind === 'reports' ? this.#limits.maxReportBytes : this.#limits.maxDocumentBytes;
    let size = this.#size(document);
    if (size + bytes > cap) size = this.#measure(document, name.workspace) ?? size;
    if (size + bytes > cap) return 'document quota exceeded';
    if (this.#workspace(name.workspace) + bytes > this.#limits.maxWorkspaceBytes)
      return 'workspace quota exceeded';
    this.#grow(document, name.workspace, bytes);
    return undefined;
  }

  /** The hooks that measure documents as they load and keep their sizes as they are stored. */
  extension(): Extension {
    return {
      extensionName: 'sightline-quotas',
      onConnect: async ({ documentName }) => {
        await this.prime(documentName);
      },
      afterLoadDocument: async ({ documentName, document }) => {
        const name = parseDocumentName(documentName);
        await this.prime(documentName); // a direct connection (the relay's own) has no onConnect
        if (name) this.#measure(documentName, name.workspace, document);
      },
      // Measured again whenever Hocuspocus stores (2–10 s after changes), so that what a
      // document's count gained from updates that changed little does not pile up in its
      // workspace's total.
      onStoreDocument: async ({ documentName, document }) => {
        const name = parseDocumentName(documentName);
        if (name) this.#measure(documentName, name.workspace, document);
      },
      afterUnloadDocument: async ({ documentName }) => {
        this.#keep(documentName);
        this.#sizes.delete(documentName);
        this.#primed.delete(`d:${documentName}`);
      },
    };
  }

  #size(document: string): number {
    return this.#sizes.get(document) ?? 0;
  }

  #workspace(workspace: string): number {
    return this.#workspaces.get(workspace) ?? 0;
  }

  #grow(document: string, workspace: string, by: number) {
    this.#sizes.set(document, this.#size(document) + by);
    this.#workspaces.set(workspace, this.#workspace(workspace) + by);
  }

  /** The exact size of a loaded document, made the one counted; undefined when it is not loaded. */
  #measure(document: string, workspace: string, loaded?: Y.Doc): number | undefined {
    const doc = loaded ?? this.#hocuspocus?.documents.get(document);
    if (!doc || ('isLoading' in doc && doc.isLoading)) return undefined;
    const exact = Y.encodeStateAsUpdate(doc).byteLength;
    this.#grow(document, workspace, exact - this.#size(document));
    this.#store(document, workspace, exact);
    return exact;
  }

  #keep(document: string) {
    const name = parseDocumentName(document);
    const size = this.#sizes.get(document);
    if (name && size !== undefined) this.#store(document, name.workspace, size);
  }

  /**
   * Sizes are a cache of what the documents measure: a write that fails (a full disk) must not
   * take the relay down — the size is measured again when the document next loads (DR2).
   */
  #store(document: string, workspace: string, bytes: number) {
    this.#stored.set(document, workspace, bytes).catch(() => {
      // The size in memory stands; the stored one is corrected when the document next loads.
    });
  }
}
