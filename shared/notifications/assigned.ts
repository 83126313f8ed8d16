import { OBLIGATIONS } from '../classification/rules/obligations.ts';
import {
  ACTION_PENDING,
  AIMS_NONCONFORMITIES,
  AIMS_REVIEW_ACTIONS,
  type AimsEntry,
} from '../documents/aims/index.ts';
import type { WorkspaceFacts } from './facts.ts';
import { aimsHref, assessmentHref, recordHref, riskHref } from './hrefs.ts';
import { notificationId, recipientsOf } from './ids.ts';
import type { WorkspaceNotification } from './notification.ts';

/**
 * NTF2 `assigned`: a person named in an owner or assignee field of something still to be done — a
 * record's business owner (not archived), a risk's owner (not closed), an assessment section's
 * assignee (not done), a deployer duty's owner (to do or in progress), a nonconformity's action
 * owner (action pending) and a management-review action's owner (open or in progress). One
 * notification per person and thing; the id does not change when the thing is edited.
 */

const REVIEW_ACTION_PENDING = new Set(['open', 'in-progress']);
const DUTY_PENDING = new Set(['to-do', 'in-progress']);
const dutyText = new Map<string, string>(OBLIGATIONS.map((o) => [o.id, o.citation]));

function assigned(
  subject: WorkspaceNotification['subject'],
  person: string | undefined,
  summary: string,
  at: number,
  parts: string[] = [],
  dueAt?: number,
): WorkspaceNotification[] {
  const recipients = recipientsOf(person);
  return recipients.map((key) => ({
    id: notificationId('assigned', subject.type, subject.id, ...parts, key),
    kind: 'assigned',
    subject,
    summary,
    at,
    ...(dueAt !== undefined ? { dueAt } : {}),
    recipients: [key],
  }));
}

const text = (entry: AimsEntry, key: string) => {
  const value = entry.values[key];
  return typeof value === 'string' ? value : undefined;
};
const day = (entry: AimsEntry, key: string) => {
  const value = entry.values[key];
  return typeof value === 'number' ? value : undefined;
};

export function assignedNotifications(facts: WorkspaceFacts): WorkspaceNotification[] {
  const out: WorkspaceNotification[] = [];
  const recordName = (id: string) => facts.records.get(id)?.name ?? id;
  for (const record of facts.records.values()) {
    if (record.archived) continue;
    const subject = {
      type: 'record',
      id: record.id,
      title: record.name,
      href: recordHref(record.id),
    } as const;
    out.push(...assigned(subject, record.owner, `You own ${record.name}`, record.updatedAt));
  }
  for (const risk of facts.risks) {
    if (risk.status === 'closed') continue;
    const title = risk.description.split('\n')[0]!.slice(0, 120);
    const subject = {
      type: 'risk',
      id: risk.id,
      title,
      href: riskHref(risk.systemIds[0]),
    } as const;
    out.push(
      ...assigned(
        subject,
        risk.owner,
        `You own the risk “${title}”`,
        risk.updatedAt,
        [],
        risk.dueDate,
      ),
    );
  }
  for (const [id, assessment] of facts.openedAssessments) {
    const meta = assessment.meta;
    if (!meta) continue;
    const subject = {
      type: 'assessment',
      id,
      title: meta.title,
      href: assessmentHref(id),
    } as const;
    for (const section of meta.outline) {
      const state = assessment.sections.get(section.id);
      if (!state || state.status === 'done') continue;
      const summary = `You are assigned “${section.title}” in ${meta.title}`;
      out.push(...assigned(subject, state.assignee, summary, state.updatedAt, [section.id]));
    }
  }
  for (const duty of facts.duties) {
    if (!DUTY_PENDING.has(duty.status)) continue;
    const name = recordName(duty.recordId);
    const subject = {
      type: 'record',
      id: duty.recordId,
      title: name,
      href: recordHref(duty.recordId),
    } as const;
    const what = dutyText.get(duty.dutyId) ?? duty.dutyId;
    const summary = `You own the AI Act ${what} duty for ${name}`;
    out.push(...assigned(subject, duty.owner, summary, duty.updatedAt, [duty.dutyId]));
  }
  for (const [register, entries, pending, noun] of [
    [AIMS_NONCONFORMITIES.id, facts.nonconformities, ACTION_PENDING, 'the corrective action of'],
    [AIMS_REVIEW_ACTIONS.id, facts.reviewActions, REVIEW_ACTION_PENDING, 'the review action'],
  ] as const) {
    for (const entry of entries) {
      if (!pending.has(String(entry.values.status))) continue;
      const title = text(entry, 'title') ?? entry.id;
      const subject = {
        type: 'aims',
        id: `${register}/${entry.id}`,
        title,
        href: aimsHref(register),
      } as const;
      const summary = `You own ${noun} “${title}”`;
      out.push(
        ...assigned(
          subject,
          text(entry, 'owner'),
          summary,
          entry.updatedAt,
          [],
          day(entry, 'dueDate'),
        ),
      );
    }
  }
  return out;
}
