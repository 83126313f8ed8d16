import type * as Y from 'yjs';
import { readAssessmentIndex } from '../../../shared/documents/registry/assessment-index.ts';
import type { OpenedAssessment, WorkspaceSync } from '../sync/workspace-sync.ts';
import type { NotificationFeed } from './notification-feed.ts';

/** After the app's first screen, so holding the assessments never slows opening the workspace. */
export const HOLD_AFTER_MS = 2_000;

/**
 * NTF-UI4: who is asked to review an assessment, and who is assigned its sections, is written in
 * the assessment's own document, which the app otherwise opens only on demand. While the inbox is
 * shown (the bell shows it whenever a workspace is open), this holds every assessment the registry
 * lists — through the workspace's one socket, sharing the holds of the pages — puts their
 * documents where the derivation reads them (`into`) and has the feed watch them; an assessment
 * taken out of the list is given back. The documents' local copies make this work offline too.
 */
export function holdListedAssessments(options: {
  sync: Pick<WorkspaceSync, 'openAssessment' | 'access'>;
  registry: Y.Doc | undefined;
  into: Map<string, Y.Doc>;
  feed: Pick<NotificationFeed, 'watch' | 'refresh'>;
  delay?: number;
}): () => void {
  const { sync, registry, into, feed } = options;
  const held = new Map<string, { opened: OpenedAssessment; unwatch: () => void }>();
  let stopped = false;
  if (!registry) return () => {};

  const update = () => {
    const listed = new Set(readAssessmentIndex(registry).assessments.map((entry) => entry.id));
    for (const id of listed) {
      if (held.has(id)) continue;
      let opened: OpenedAssessment;
      try {
        opened = sync.openAssessment(id);
      } catch {
        return; // this role cannot open assessments, or the workspace closed
      }
      held.set(id, { opened, unwatch: feed.watch(opened.doc) });
      void opened.ready.then(() => {
        if (!stopped && held.get(id)?.opened === opened) into.set(id, opened.doc);
        if (!stopped) feed.refresh(); // the copy on this device arrived: derive again with it
      });
    }
    for (const [id, { opened, unwatch }] of held) {
      if (listed.has(id)) continue;
      unwatch();
      opened.release();
      held.delete(id);
      into.delete(id);
    }
  };
  const onRegistry = (transaction: Y.Transaction) => {
    if (transaction.changed.size > 0) update();
  };
  const timer = setTimeout(() => {
    if (stopped) return;
    registry.on('afterTransaction', onRegistry);
    update();
  }, options.delay ?? HOLD_AFTER_MS);

  return () => {
    stopped = true;
    clearTimeout(timer);
    registry.off('afterTransaction', onRegistry);
    for (const { opened, unwatch } of held.values()) {
      unwatch();
      opened.release();
    }
    held.clear();
    into.clear();
  };
}
