import { describe, expect, it } from 'vitest';
import {
  assessmentFileName,
  dayLabel,
  newWorkflowId,
  reviewLabel,
  timeLabel,
} from './workflow-words.ts';

const AT = Date.UTC(2026, 2, 10, 12, 5);

describe('workflow words', () => {
  it('writes dates in UTC', () => {
    expect(dayLabel(AT)).toBe('2026-03-10');
    expect(timeLabel(AT)).toBe('2026-03-10 12:05 UTC');
  });

  it('says when the next review is due', () => {
    expect(reviewLabel({ state: 'never-signed-off', months: 6 })).toBe(
      'Not signed off yet; once signed off, reviewed every 6 months.',
    );
    expect(reviewLabel({ state: 'ok', dueAt: AT, months: 12 })).toBe(
      'Next review: 2026-03-10 (every 12 months).',
    );
    expect(reviewLabel({ state: 'overdue', dueAt: AT, months: 6 })).toMatch(
      /^Review overdue since/,
    );
    expect(reviewLabel({ state: 'due-soon', dueAt: AT, months: 6 })).toMatch(/^Review due soon/);
  });

  it('makes file names without any special character', () => {
    expect(assessmentFileName('AI risk: HireRank', 'Version 1', 'md')).toBe(
      'AI-risk-HireRank-Version-1.md',
    );
    expect(assessmentFileName('../<script>', '', 'html')).toBe('script-export.html');
    expect(assessmentFileName('***', 'draft 2026-03-10', 'md')).toBe(
      'assessment-draft-2026-03-10.md',
    );
  });

  it('makes ids that fit the id rule and differ', () => {
    const a = newWorkflowId();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(newWorkflowId()).not.toBe(a);
  });
});
