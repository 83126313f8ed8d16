import type { WorkspaceFacts } from './facts.ts';
import { assessmentHref } from './hrefs.ts';
import { notificationId, recipientsOf } from './ids.ts';
import type { WorkspaceNotification } from './notification.ts';

/**
 * NTF3 `review.requested`: a person on an assessment's reviewers (its `reviewers` set, which the
 * sign-off gate asks approvals of) who has given no verdict since the assessment's latest sign-off
 * (or ever, before the first). The id carries that sign-off's time: after the next sign-off the
 * request is a new one; a verdict ends it.
 */
export function reviewRequestedNotifications(facts: WorkspaceFacts): WorkspaceNotification[] {
  const out: WorkspaceNotification[] = [];
  for (const [id, assessment] of facts.openedAssessments) {
    const meta = assessment.meta;
    if (!meta || assessment.reviewers.length === 0) continue;
    const signedAt = [
      ...assessment.signoffs.map((s) => s.at),
      ...(facts.approvals.get(id) ?? []).map((a) => a.at),
    ];
    const since = signedAt.length > 0 ? Math.max(...signedAt) : 0;
    const answered = new Set(
      recipientsOf(...assessment.reviews.filter((r) => r.at > since).map((r) => r.by)),
    );
    const subject = {
      type: 'assessment',
      id,
      title: meta.title,
      href: assessmentHref(id),
    } as const;
    for (const key of recipientsOf(...assessment.reviewers)) {
      if (answered.has(key)) continue;
      out.push({
        id: notificationId('review.requested', 'assessment', id, key, since),
        kind: 'review.requested',
        subject,
        summary: `Your review of ${meta.title} is requested`,
        at: Math.max(since, meta.createdAt),
        recipients: [key],
      });
    }
  }
  return out;
}
