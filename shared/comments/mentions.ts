import { personKey } from '../documents/registry/people.ts';
import type { WorkspaceNotification } from '../notifications/notification.ts';
import type { CommentSubject, Thread } from './schema.ts';

/** Where a comment's subject is shown: its title and the PWA's route to it. */
export type DescribeSubject = (
  subject: CommentSubject,
) => { title: string; href: string } | undefined;

const SUMMARY_QUOTE = 80;

function excerpt(body: string): string {
  const line = body.replace(/\s+/g, ' ').trim();
  return line.length > SUMMARY_QUOTE ? `${line.slice(0, SUMMARY_QUOTE - 1)}…` : line;
}

/**
 * One 'mentioned' notification per comment that names someone from the directory (CMT5): its
 * recipients are the mentioned person keys but the author's own, its id `mentioned:<commentId>`
 * (the same on every device and relay). A withdrawn comment, or one whose subject `describe` does
 * not know (a record since removed), gives none. Newest first.
 */
export function mentionNotifications(
  threads: readonly Thread[],
  describe: DescribeSubject,
): WorkspaceNotification[] {
  const notifications: WorkspaceNotification[] = [];
  for (const thread of threads) {
    const where = describe(thread.subject);
    if (!where) continue;
    for (const comment of thread.comments) {
      if (comment.deleted) continue;
      const author = personKey(comment.by);
      const recipients = comment.mentions.filter((key) => key !== author);
      if (recipients.length === 0) continue;
      notifications.push({
        id: `mentioned:${comment.id}`,
        kind: 'mentioned',
        subject: { type: 'comment', id: comment.id, title: where.title, href: where.href },
        summary: `${comment.by} mentioned you on ${where.title}: “${excerpt(comment.body)}”`,
        at: comment.editedAt ?? comment.at,
        recipients,
      });
    }
  }
  return notifications.sort((a, b) => b.at - a.at || (a.id < b.id ? -1 : 1));
}
