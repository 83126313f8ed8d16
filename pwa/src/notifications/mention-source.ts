import type * as Y from 'yjs';
import { readComments } from '../../../shared/comments/read.ts';
import { mentionNotifications, type DescribeSubject } from '../../../shared/comments/mentions.ts';
import type { WorkspaceFacts } from '../../../shared/notifications/facts.ts';
import { assessmentHref, recordHref, riskHref } from '../../../shared/notifications/hrefs.ts';
import type { WorkspaceNotification } from '../../../shared/notifications/notification.ts';

/**
 * `mentioned` (NTF-UI4): the comments that name someone (shared/comments, CMT5) — on records and
 * risks in the registry, on sections in each assessment document at hand — described with the
 * facts the other notifications were derived from, so a mention's subject has the same title and
 * route as an assignment's. Pure, like shared/: it can move there for the relay's digests as is.
 */
export function mentionsOf(
  facts: WorkspaceFacts,
  registry: Y.Doc,
  assessments: ReadonlyMap<string, Y.Doc> = new Map(),
): WorkspaceNotification[] {
  const inRegistry: DescribeSubject = (subject) => {
    if (subject.type === 'record') {
      const record = facts.records.get(subject.id);
      return record && { title: record.name, href: recordHref(record.id) };
    }
    if (subject.type === 'risk') {
      const risk = facts.risks.find((r) => r.id === subject.id);
      const title = risk?.description.split('\n')[0]!.slice(0, 120);
      return risk && title !== undefined ? { title, href: riskHref(risk.systemIds[0]) } : undefined;
    }
    return undefined;
  };
  const out = mentionNotifications(readComments(registry).threads, inRegistry);
  for (const [id, doc] of assessments) {
    const meta = facts.openedAssessments.get(id)?.meta;
    if (!meta) continue;
    const inAssessment: DescribeSubject = (subject) => {
      const section = meta.outline.find((s) => s.id === subject.id);
      return subject.type === 'section' && section
        ? { title: `${section.title} · ${meta.title}`, href: assessmentHref(id) }
        : undefined;
    };
    out.push(...mentionNotifications(readComments(doc).threads, inAssessment));
  }
  return out;
}
