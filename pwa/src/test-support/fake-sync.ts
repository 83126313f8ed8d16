import { Awareness } from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Credentials } from '../session/join-link.ts';
import { assessmentDocuments } from '../sync/assessment-documents.ts';
import type { LocalPersistence } from '../sync/local-persistence.ts';
import { readableDocuments, type WorkspaceDocument } from '../sync/readable-documents.ts';
import type { WorkspaceSync } from '../sync/workspace-sync.ts';

/** A WorkspaceSync with in-memory documents and no relay, for component tests. */
export function fakeSync(
  credentials: Credentials,
  docs: Partial<Record<WorkspaceDocument, Y.Doc>> = {},
  status = 'online',
  /** assessmentId → what "this device" holds; edits made through openAssessment flow back. */
  stored: Record<string, Y.Doc> = {},
): WorkspaceSync & { destroyed: boolean } {
  const access = readableDocuments(credentials);
  const held = new Map([...access.keys()].map((kind) => [kind, docs[kind] ?? new Y.Doc()]));
  // Made on first use: an Awareness runs a timer, which most tests do not need.
  const awarenesses = new Map<WorkspaceDocument, Awareness>();
  const awareness = (kind: WorkspaceDocument) => {
    const doc = held.get(kind);
    if (doc && !awarenesses.has(kind)) awarenesses.set(kind, new Awareness(doc));
    return awarenesses.get(kind);
  };
  const persist: LocalPersistence = (name, doc) => {
    const seed = (stored[name.split('/').pop() ?? ''] ??= new Y.Doc({ gc: false }));
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(seed));
    const keep = (update: Uint8Array) => Y.applyUpdate(seed, update);
    doc.on('update', keep);
    return { whenSynced: Promise.resolve(), destroy: () => doc.off('update', keep) };
  };
  const onDemand = (kind: 'assessment' | 'monitoring' | 'interview') =>
    assessmentDocuments({ credentials, persist, kind, onChange: () => {}, onRefused: () => {} });
  const assessments = onDemand('assessment');
  const monitoring = onDemand('monitoring');
  const interviews = onDemand('interview');
  const sync = {
    workspace: credentials.workspace,
    access,
    doc: (kind: WorkspaceDocument) => held.get(kind),
    awareness,
    openAssessment: (id: string) => assessments.open(id),
    openMonitoring: (id: string) => monitoring.open(id),
    openInterview: (id: string) => interviews.open(id),
    ready: Promise.resolve(),
    isReady: () => true,
    status: () => status,
    subscribe: () => () => {},
    destroyed: false,
    destroy: () => {
      sync.destroyed = true;
      assessments.destroy();
      monitoring.destroy();
      interviews.destroy();
      awarenesses.forEach((a) => a.destroy());
    },
  };
  return sync;
}
