import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  appendParagraphs,
  readAssessment,
  recordReview,
  sectionFragmentName,
  setReviewer,
  signOff,
  SignOffError,
} from '../documents/assessment/index.ts';
import {
  deleteRisk,
  readApprovals,
  recordApproval,
  saveRisk,
  updateGovernance,
} from '../documents/registry/index.ts';
import { AT, draftAssessment, fixtureRegistryDoc } from './fixture.test-support.ts';
import {
  approvalFor,
  assessmentExport,
  assessmentMarkdown,
  checkApprovals,
  signOffGate,
} from './index.ts';

// docs/assessments.md, rules S4–S8: what a sign-off needs beyond every section being done.

function approve(doc: Y.Doc, registry: Y.Doc, by: string, id = `r-${by}`) {
  recordReview(doc, {
    id,
    by,
    decision: 'approve',
    at: AT + 500,
    draftSha256: signOffGate(doc, registry, 'lead-1').draftSha256,
  });
}

function signWithGate(doc: Y.Doc, registry: Y.Doc, by = 'lead-1') {
  const gate = signOffGate(doc, registry, by);
  return signOff(doc, {
    signoffId: 's1',
    versionId: 'v1',
    by,
    role: 'lead',
    at: AT + 1000,
    gate: { blockers: gate.blockers, reviews: gate.reviews, registerView: gate.registerView },
  });
}

describe('a sign-off', () => {
  it('S4: needs a named reviewer’s approval; a lead never signs off alone', () => {
    const registry = fixtureRegistryDoc();
    const doc = draftAssessment(registry);
    expect(signOffGate(doc, registry, 'lead-1').blockers.join('\n')).toMatch(
      /Tier 1 needs 1 approval of this text from named reviewers other than you; it has 0/,
    );
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => signWithGate(doc, registry)).toThrow(SignOffError);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    // The lead names themself a reviewer and approves: it does not count.
    setReviewer(doc, 'lead-1', true);
    approve(doc, registry, 'lead-1');
    expect(signOffGate(doc, registry, 'lead-1').blockers).toHaveLength(1);
    approve(doc, registry, 'Priya');
    expect(signOffGate(doc, registry, 'lead-1').blockers).toEqual([]);
    const version = signWithGate(doc, registry);
    expect(version.frozen?.reviews).toEqual([{ by: 'Priya', at: AT + 500 }]);
  });

  it('S4: counts only approvals of the text as it stands, from named reviewers', () => {
    const registry = fixtureRegistryDoc();
    const doc = draftAssessment(registry);
    approve(doc, registry, 'Priya');
    approve(doc, registry, 'Someone not named', 'r-other');
    appendParagraphs(doc.getXmlFragment(sectionFragmentName('owners')), ['Edited after review']);
    const gate = signOffGate(doc, registry, 'lead-1');
    expect(gate.reviewers).toEqual([expect.objectContaining({ person: 'Priya', current: false })]);
    expect(gate.reviews).toEqual([]);
    expect(gate.blockers.join('\n')).toMatch(/it has 0/);
  });

  it('S5: needs as many approvals as the workspace sets for the tier (0 lets a lead sign alone)', () => {
    const registry = fixtureRegistryDoc();
    const doc = draftAssessment(registry);
    updateGovernance(registry, { approvalsRequired: { 'tier-1': 2 } }, { by: 'lead-1', at: AT });
    setReviewer(doc, 'Omar', true);
    approve(doc, registry, 'Priya');
    expect(signOffGate(doc, registry, 'lead-1').blockers.join('\n')).toMatch(/needs 2 approvals/);
    approve(doc, registry, 'Omar');
    expect(signOffGate(doc, registry, 'lead-1').blockers).toEqual([]);
    updateGovernance(registry, { approvalsRequired: { 'tier-1': 0 } }, { by: 'lead-1', at: AT });
    const alone = draftAssessment(registry);
    expect(signOffGate(alone, registry, 'lead-1').blockers).toEqual([]);
    expect(() =>
      updateGovernance(registry, { approvalsRequired: { 'tier-1': 9 } }, { by: 'l', at: AT }),
    ).toThrow(/0 to 5/);
  });

  it('S6: is held while a reviewer’s request for changes stands on the current text', () => {
    const registry = fixtureRegistryDoc();
    const doc = draftAssessment(registry);
    setReviewer(doc, 'Omar', true);
    approve(doc, registry, 'Priya');
    recordReview(doc, {
      id: 'r-omar',
      by: 'Omar',
      decision: 'request-changes',
      comment: 'Name the bias test’s owner',
      at: AT + 600,
      draftSha256: signOffGate(doc, registry, 'lead-1').draftSha256,
    });
    expect(signOffGate(doc, registry, 'lead-1').blockers).toEqual([
      'Omar requested changes: Name the bias test’s owner',
    ]);
    expect(() =>
      recordReview(doc, {
        id: 'r-2',
        by: 'Omar',
        decision: 'request-changes',
        at: AT,
        draftSha256: 'a'.repeat(64),
      }),
    ).toThrow(/which changes/);
  });

  it('S7: runs the template’s completeness checks (a risk assessment names a risk)', () => {
    const registry = fixtureRegistryDoc();
    const doc = draftAssessment(registry);
    approve(doc, registry, 'Priya');
    expect(signOffGate(doc, registry, 'lead-1').blockers).toEqual([]);
    deleteRisk(registry, 'risk-bias');
    deleteRisk(registry, 'risk-leak');
    const blockers = signOffGate(doc, registry, 'lead-1').blockers;
    expect(blockers.join('\n')).toMatch(/at least 1 risk \(it names it in 0\)/);
  });

  it('S8: freezes the register’s view with the version and seals it', () => {
    const registry = fixtureRegistryDoc();
    const doc = draftAssessment(registry);
    approve(doc, registry, 'Priya');
    const version = signWithGate(doc, registry);
    recordApproval(registry, approvalFor('a1', version, readAssessment(doc)));
    const frozenRisks = version.frozen!.registerView['risks']!.join('\n');
    expect(frozenRisks).toContain('Ranks some groups of applicants lower');
    // A risk added later shows live in the draft, never in the signed-off version.
    saveRisk(
      registry,
      'risk-new',
      {
        systemIds: ['rec-hire'],
        source: 'model-drift',
        description: 'Scores drift after the vendor retrains',
        likelihood: 2,
        impact: 3,
        treatment: 'mitigate',
        controls: [],
        status: 'open',
      },
      'lead-1',
      AT + 5000,
    );
    const live = signOffGate(doc, registry, 'lead-1').registerView['risks']!.join('\n');
    expect(live).toContain('Scores drift');
    const approvals = readApprovals(registry).approvals.get('a1')!;
    const md = assessmentMarkdown(assessmentExport(doc, { versionId: 'v1' }, { approvals }));
    expect(md).toContain('Ranks some groups');
    expect(md).not.toContain('Scores drift');
    expect(md).toContain('(approved)');
    expect(checkApprovals(readAssessment(doc), approvals).get('v1')).toBe('approved');
  });
});
