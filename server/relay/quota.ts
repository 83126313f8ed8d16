import type { Extension, Hocuspocus } from '@hocuspocus/server';
import * as decoding from 'lib0/decoding';
import type { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';
import { parseDocumentName } from '../../shared/documents/names.ts';
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
 * (deletions shrink a document), and the write is refused only if it still would. Sizes are kept in SQLite (`document_sizes`) so that a
 * workspace counts the documents that are not loaded too. Frames a connection may not write (read
 * only) are not counted: the relay drops them anyway.
 */
export class Quotas {
  readonly #limits: Limits;
  readonly #sizes = new Map<string, number>();
  readonly #workspaces = new Map<string, number>();
  readonly #read;
  readonly #write;
  readonly #sum;
  #hocuspocus: Hocuspocus | undefined;

  /** The relay whose loaded documents are measured again when a write would pass a cap. */
  attach(hocuspocus: Hocuspocus): void {
    this.#hocuspocus = hocuspocus;
  }

  constructor(db: DatabaseSync, limits: Limits) {
    this.#limits = limits;
    db.exec(`
      CREATE TABLE IF NOT EXISTS document_sizes (
        document TEXT PRIMARY KEY,
        workspace TEXT NOT NULL,
        bytes INTEGER NOT NULL
      );
      CREATE INDEX IF NOT EXISTS document_sizes_by_workspace ON document_sizes (workspace);
    `);
    this.#read = db.prepare('SELECT bytes FROM document_sizes WHERE document = ?');
    this.#write = db.prepare(
      `INSERT INTO document_sizes (document, workspace, bytes) VALUES (?, ?, ?)
       ON CONFLICT (document) DO UPDATE SET bytes = excluded.bytes`,
    );
    this.#sum = db.prepare(
      'SELECT COALESCE(SUM(bytes), 0) AS n FROM document_sizes WHERE workspace = ?',
    );
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
      afterLoadDocument: async ({ documentName, document }) => {
        const name = parseDocumentName(documentName);
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
      },
    };
  }

  #size(document: string): number {
    let size = this.#sizes.get(document);
    if (size === undefined) {
      size = Number((this.#read.get(document) as { bytes: number } | undefined)?.bytes ?? 0);
      this.#sizes.set(document, size);
    }
    return size;
  }

  #workspace(workspace: string): number {
    let total = this.#workspaces.get(workspace);
    if (total === undefined) {
      total = Number((this.#sum.get(workspace) as { n: number }).n);
      this.#workspaces.set(workspace, total);
    }
    return total;
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
    try {
      this.#write.run(document, workspace, bytes);
    } catch {
      // The size in memory stands; the stored one is corrected when the document next loads.
    }
  }
}
