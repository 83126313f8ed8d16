import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
// The golden files of shared/assessments/exports.test.ts, read as text by Vite.
import goldenHtml from '../../../../shared/assessments/golden/risk-assessment.html?raw';
import goldenMarkdown from '../../../../shared/assessments/golden/risk-assessment.md?raw';
import type { Role } from '../../../../shared/auth/access.ts';
import { readAssessment } from '../../../../shared/documents/assessment/index.ts';
import { setSettings } from '../../../../shared/documents/policy/index.ts';
import { readApprovals } from '../../../../shared/documents/registry/index.ts';
import { ExportSourceProvider } from '../../exports/provenance.tsx';
import type { SavedFile } from '../../inventory/list/download.ts';
import { button, choose, cleanup, click, field, render, type } from '../../test-support/render.tsx';
import { AssessmentWorkflow } from './AssessmentWorkflow.tsx';
import { AT, fixtureDocs, writeSection } from './workflow-fixture.test-support.ts';

afterEach(cleanup);

const SIGN_OFF_AT = AT + 86_400_000;
const policy = new Y.Doc();
setSettings(policy, { workspaceName: 'Northwind Demo Ltd' });
/** The document state differs with every run's Yjs client ids; the rest is byte for byte. */
const sameState = (text: string) => text.replace(/\b[0-9a-f]{16}\b/, '0123456789abcdef');

async function renderWorkflow(
  docs: { doc: Y.Doc; registry: Y.Doc | undefined },
  role: Role = 'lead',
  me = 'lead-1',
) {
  const files: SavedFile[] = [];
  const view = await render(
    <ExportSourceProvider value={{ workspace: 'northwind', policy, me, role }}>
      <AssessmentWorkflow
        assessment={docs.doc}
        registry={docs.registry}
        assessmentId="asm-1"
        role={role}
        me={me}
        now={() => SIGN_OFF_AT}
        saveFile={(file) => files.push(file)}
      />
    </ExportSourceProvider>,
  );
  return { view, files };
}

/** Radix renders dialogs in a portal on the body. */
const dialog = () =>
  document.body.querySelector<HTMLElement>('[role="dialog"], [role="alertdialog"]');

/** The Assign button of the section whose assignee field is `input`. */
const assignButton = (input: HTMLElement) => input.closest('form')!.querySelector('button');

async function signOffThroughPanel(view: HTMLElement, name = '') {
  await click(button(view, 'Sign off'));
  const confirm = dialog()!;
  if (name) await type(field(confirm, 'Version name'), name);
  await click(button(confirm, 'Sign off and freeze'));
}

describe('section workflow', () => {
  it('changes a status, an assignee and the reviewers in the document', async () => {
    const docs = fixtureDocs({ allDone: false });
    const { view } = await renderWorkflow(docs, 'contributor', 'tok-c');
    await choose(field(view, 'Status of Risk owners'), 'in-review');
    const assignee = field(view, 'Assignee of Risk owners');
    await type(assignee, '  Sam  ');
    await click(assignButton(assignee));
    let read = readAssessment(docs.doc);
    expect(read.sections.get('owners')).toMatchObject({
      status: 'in-review',
      assignee: 'Sam',
      updatedBy: 'tok-c',
      updatedAt: SIGN_OFF_AT,
    });
    expect((field(view, 'Status of Risk owners') as HTMLSelectElement).value).toBe('in-review');

    await type(field(view, 'Reviewer'), 'Omar');
    await click(button(view, 'Add reviewer'));
    await click(button(view, 'Remove reviewer Priya'));
    read = readAssessment(docs.doc);
    expect(read.reviewers).toEqual(['Omar']);
  });

  it('is read only for a member, who can change nothing', async () => {
    const docs = fixtureDocs({ allDone: false });
    const { view } = await renderWorkflow(docs, 'member', 'tok-m');
    expect(view.textContent).toContain('Read only: your role (member)');
    expect(view.querySelector('select[aria-label], td select')).toBeNull();
    expect(() => button(view, 'Add reviewer')).toThrow();
    expect(button(view, 'Sign off').disabled).toBe(true);
  });

  it('is read only when a newer app wrote the document', async () => {
    const docs = fixtureDocs({ allDone: false });
    docs.doc.getMap('meta').set('schemaVersion', 99);
    const { view } = await renderWorkflow(docs);
    expect(view.textContent).toContain('saved by a newer version of Sightline');
    expect(view.querySelector('td select')).toBeNull();
    expect(view.textContent).toContain('Draft');
  });
});

describe('sign-off', () => {
  it('a contributor cannot sign off and sees why', async () => {
    const docs = fixtureDocs();
    const { view } = await renderWorkflow(docs, 'contributor', 'tok-c');
    expect(button(view, 'Sign off').disabled).toBe(true);
    expect(view.textContent).toContain('only a lead or an admin can sign off, not a contributor');
    expect(readAssessment(docs.doc).versions).toEqual([]);
  });

  it('a lead sees the sections not done yet', async () => {
    const docs = fixtureDocs({ allDone: false });
    const { view } = await renderWorkflow(docs);
    expect(button(view, 'Sign off').disabled).toBe(true);
    expect(view.textContent).toContain('every section must be done first: The system');
  });

  it('freezes a named version, records the approval, and starts a new draft', async () => {
    const docs = fixtureDocs();
    const { view } = await renderWorkflow(docs);
    expect(view.textContent).toContain(
      'Not signed off yet; once signed off, reviewed every 6 months.',
    );
    await signOffThroughPanel(view, 'Board review');

    const read = readAssessment(docs.doc);
    expect(read.versions.map((v) => [v.name, v.number, v.by, v.role, v.at])).toEqual([
      ['Board review', 1, 'lead-1', 'lead', SIGN_OFF_AT],
    ]);
    expect([...read.sections.values()].every((s) => s.status === 'draft')).toBe(true);
    const approvals = readApprovals(docs.registry).approvals.get('asm-1')!;
    expect(approvals.map((a) => [a.versionId, a.number, a.by])).toEqual([
      [read.versions[0]!.id, 1, 'lead-1'],
    ]);
    const row = [...view.querySelectorAll('.workflow-versions tbody tr')].map((r) => r.textContent);
    expect(row).toEqual([expect.stringContaining('Board review')]);
    expect(row[0]).toContain('Approved');
    expect(row[0]).toContain('2026-03-11 12:00 UTC');
    // Tier 1 of the default scheme: reviewed six months after the sign-off.
    expect(view.textContent).toContain('Next review: 2026-09-11 (every 6 months).');
    expect(view.querySelector('[role="status"]')?.textContent).toContain(
      'Signed off as Board review',
    );
  });

  it('shows a version the registry does not confirm as unconfirmed', async () => {
    const docs = fixtureDocs();
    const { view } = await renderWorkflow(docs);
    await signOffThroughPanel(view);
    // Another registry (say, one where the approval never arrived) does not confirm it.
    cleanup();
    const other = await renderWorkflow({ doc: docs.doc, registry: fixtureDocs().registry });
    expect(other.view.querySelector('.workflow-versions tbody tr')?.textContent).toContain(
      'Unconfirmed',
    );
  });
  it('without the registry, cannot sign off: nothing could confirm the approval', async () => {
    const docs = fixtureDocs();
    const { view } = await renderWorkflow({ doc: docs.doc, registry: undefined });
    expect(button(view, 'Sign off').disabled).toBe(true);
    expect(view.textContent).toContain('the registry is not available here');
    expect(view.textContent).toContain('The review date needs the registry');
  });

  it('changes nothing when the dialog is cancelled', async () => {
    const docs = fixtureDocs();
    const { view } = await renderWorkflow(docs, 'admin', 'tok-admin');
    await click(button(view, 'Sign off'));
    await click(button(dialog()!, 'Cancel'));
    expect(dialog()).toBeNull();
    expect(readAssessment(docs.doc).versions).toEqual([]);
    expect(readApprovals(docs.registry).approvals.size).toBe(0);
  });
});

describe('versions', () => {
  it('shows a version’s text and compares it with the draft, paragraph by paragraph', async () => {
    const docs = fixtureDocs();
    const { view } = await renderWorkflow(docs);
    await signOffThroughPanel(view);
    writeSection(docs.doc, 'owners', ['Dana owns the bias risk; Lee owns drift']);

    await click(button(view, 'View Version 1'));
    expect(dialog()!.textContent).toContain('• Dana owns both risks');
    await click(button(dialog()!, 'Close'));
    expect(dialog()).toBeNull();

    await click(button(view, 'Show changes'));
    const changes = dialog()!.querySelector('[aria-label="Changes in Risk owners"]')!;
    expect(changes.querySelector('del')?.textContent).toBe('Dana owns both risks');
    expect(changes.querySelector('ins')?.textContent).toBe(
      'Dana owns the bias risk; Lee owns drift',
    );
    expect(dialog()!.textContent).toContain('1 of');
    expect(dialog()!.querySelector('h2')?.textContent).toBe(
      'Changes from Version 1 to the current draft',
    );
  });
});

describe('exports', () => {
  it('downloads the signed-off version as the golden Markdown and HTML bytes', async () => {
    const docs = fixtureDocs();
    const { view, files } = await renderWorkflow(docs);
    await signOffThroughPanel(view);
    await click(button(view, 'Export Markdown'));
    await click(button(view, 'Export printable HTML'));
    expect(files.map((f) => [f.name, f.type])).toEqual([
      ['AI-risk-assessment-HireRank-Version-1.md', 'text/markdown;charset=utf-8'],
      ['AI-risk-assessment-HireRank-Version-1.html', 'text/html;charset=utf-8'],
    ]);
    expect(sameState(files[0]!.text)).toBe(goldenMarkdown);
    expect(sameState(files[1]!.text)).toBe(goldenHtml);
  });

  it('exports the draft dated today and not approved', async () => {
    const docs = fixtureDocs();
    const { view, files } = await renderWorkflow(docs);
    await choose(field(view, 'What'), 'draft');
    await click(button(view, 'Export Markdown'));
    expect(files[0]!.name).toBe('AI-risk-assessment-HireRank-draft-2026-03-11.md');
    expect(files[0]!.text).toContain('| Version | Draft (not approved) |');
    expect(files[0]!.text).toContain('| Date | 2026-03-11 |');
  });
});

describe('untrusted text', () => {
  it('is shown literally, never as markup', async () => {
    const hostile = '<img src=x onerror="window.pwned=1"><b>bold</b>';
    const docs = fixtureDocs({ hostile });
    const { view } = await renderWorkflow(docs, 'lead', hostile);
    const assignee = field(view, 'Assignee of Risk owners');
    await type(assignee, hostile);
    await click(assignButton(assignee));
    expect(readAssessment(docs.doc).sections.get('owners')?.assignee).toBe(hostile);
    await signOffThroughPanel(view, hostile.slice(0, 100));
    await click(button(view, `View ${hostile.slice(0, 100)}`));
    expect(view.textContent).toContain(`${hostile} (lead)`);
    expect(view.querySelector('.workflow-reviewers li span')?.textContent).toBe(hostile);
    expect(dialog()!.textContent).toContain(hostile);
    expect(document.querySelector('img, b')).toBeNull();
    expect((window as { pwned?: number }).pwned).toBeUndefined();
  });
});
