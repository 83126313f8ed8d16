import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { readComments, startThread } from '../../../shared/comments/index.ts';
import { REGISTRY_SCHEMA } from '../../../shared/documents/registry/schema.ts';
import { addPerson } from '../../../shared/documents/registry/index.ts';
import { PeopleProvider } from '../people/people-context.tsx';
import { cleanup, click, press, render, settle, type } from '../test-support/render.tsx';
import { CommentsPanel } from './CommentsPanel.tsx';

const AT = Date.UTC(2026, 11, 7, 9);
afterEach(cleanup);

// Fictional people in the workspace directory (shared/documents/registry/people.ts).
function registry() {
  const doc = new Y.Doc();
  for (const name of ['Leo Brandt', 'Leila Moreau', 'Priya Natarajan'])
    addPerson(doc, name, { from: 'added', by: 'Dana Okafor', at: AT });
  return doc;
}

async function panel(role: 'lead' | 'contributor', canComment = true, doc = registry()) {
  const host = { doc, schema: REGISTRY_SCHEMA };
  await render(
    <PeopleProvider registry={doc} canWrite={false} label={undefined} me="Dana Okafor">
      <CommentsPanel
        host={host}
        subject={{ type: 'risk', id: 'risk-1' }}
        title="R-001"
        actor={{ name: 'Dana Okafor', role }}
        canComment={canComment}
        readOnlyReason="Only leads comment on risks."
        open
        onOpenChange={() => {}}
        now={() => AT}
      />
    </PeopleProvider>,
  );
  return { doc, host };
}

const dialog = () => document.querySelector('[role="dialog"]')!;
const button = (name: string, within: Element = dialog()) =>
  [...within.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);

describe('the comments panel (CMT1–CMT7)', () => {
  it('completes an @mention from the directory by keyboard and sends it as a mention', async () => {
    const { doc } = await panel('lead');
    const box = dialog().querySelector('textarea[role="combobox"]') as HTMLTextAreaElement;
    await type(box, 'Please check, @le');
    box.setSelectionRange(box.value.length, box.value.length);
    await settle();
    const options = () =>
      [...dialog().querySelectorAll('[role="option"]')].map((o) => o.textContent);
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(options()).toEqual(['Leila Moreau', 'Leo Brandt']);
    await press('ArrowDown', box);
    expect(box.getAttribute('aria-activedescendant')).toMatch(/-1$/);
    await press('Enter', box);
    expect(box.value).toBe('Please check, @Leo Brandt ');
    expect(box.getAttribute('aria-expanded')).toBe('false');
    await click(button('Comment'));
    const [thread] = readComments(doc).threads;
    expect(thread!.comments[0]).toMatchObject({
      subject: { type: 'risk', id: 'risk-1' },
      body: 'Please check, @Leo Brandt ',
      mentions: ['leo brandt'],
      by: 'Dana Okafor',
    });
    expect(dialog().textContent).toContain('1 open, 0 resolved');
  });

  it('puts the caret after the chosen name at once, so the next key lands there', async () => {
    // CI typed "c" straight after Enter; the caret moved a frame later and the rest went before it.
    await panel('lead');
    const box = dialog().querySelector('textarea[role="combobox"]') as HTMLTextAreaElement;
    await type(box, 'Ask @pri about it');
    box.focus();
    box.setSelectionRange('Ask @pri'.length, 'Ask @pri'.length);
    await press('Shift', box); // React reads the caret on a key (its onSelect)
    // No frame passes before the next key: the caret must already be in place.
    const frames = vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    await press('Enter', box);
    frames.mockRestore();
    expect(box.value).toBe('Ask @Priya Natarajan  about it');
    expect(box.selectionStart).toBe('Ask @Priya Natarajan '.length);
    expect(box.selectionEnd).toBe('Ask @Priya Natarajan '.length);
  });

  it('Escape closes the list of names, not the panel', async () => {
    await panel('lead');
    const box = dialog().querySelector('textarea[role="combobox"]') as HTMLTextAreaElement;
    await type(box, '@pri');
    await settle();
    expect(box.getAttribute('aria-expanded')).toBe('true');
    await press('Escape', box);
    expect(box.getAttribute('aria-expanded')).toBe('false');
    expect(document.querySelector('[role="dialog"]')).not.toBeNull();
  });

  it('an empty comment is refused with a clear error and writes nothing', async () => {
    const { doc } = await panel('lead');
    await click(button('Comment'));
    expect(dialog().querySelector('[role="alert"]')?.textContent).toMatch(/1–4000 characters/);
    expect(readComments(doc).threads).toEqual([]);
  });

  it('replies, resolves (kept under Resolved) and reopens a thread', async () => {
    const doc = registry();
    const host = { doc, schema: REGISTRY_SCHEMA };
    startThread(
      host,
      { id: 't1', subject: { type: 'risk', id: 'risk-1' }, body: 'Likelihood 4?' },
      { name: 'Leo Brandt', role: 'lead' },
      AT - 10,
    );
    await panel('lead', true, doc);
    await click(button('Reply'));
    const reply = dialog().querySelectorAll('textarea')[1] as HTMLTextAreaElement;
    await type(reply, 'Agreed.');
    await click(button('Reply'));
    expect(readComments(doc).threads[0]!.comments.map((c) => c.body)).toEqual([
      'Likelihood 4?',
      'Agreed.',
    ]);
    await click(button('Resolve'));
    const resolved = dialog().querySelector('details.comment-resolved')!;
    expect(resolved.querySelector('summary')?.textContent).toBe('Resolved (1)');
    expect(resolved.textContent).toContain('Resolved by Dana Okafor');
    await click(button('Reopen', resolved));
    expect(readComments(doc).threads[0]!.log.map((e) => e.action)).toEqual([
      'resolved',
      'reopened',
    ]);
  });

  it('shows a read-only reader why there is no composer, and offers no actions', async () => {
    const doc = registry();
    startThread(
      { doc, schema: REGISTRY_SCHEMA },
      { id: 't1', subject: { type: 'risk', id: 'risk-1' }, body: 'Owner?' },
      { name: 'Leo Brandt', role: 'lead' },
      AT,
    );
    await panel('contributor', false, doc);
    expect(dialog().textContent).toContain('Only leads comment on risks.');
    expect(dialog().textContent).toContain('Owner?');
    expect(dialog().querySelector('textarea')).toBeNull();
    expect(button('Reply')).toBeUndefined();
    expect(button('Resolve')).toBeUndefined();
  });
});

describe('editing and withdrawing (CMT4)', () => {
  it('the author edits their own comment; a lead withdraws another’s, which stays, marked', async () => {
    const doc = registry();
    const host = { doc, schema: REGISTRY_SCHEMA };
    const subject = { type: 'risk', id: 'risk-1' } as const;
    startThread(
      host,
      { id: 't1', subject, body: 'Owner?' },
      { name: 'Dana Okafor', role: 'lead' },
      AT - 10,
    );
    startThread(
      host,
      { id: 't2', subject, body: 'Spam' },
      { name: 'Leo Brandt', role: 'contributor' },
      AT - 5,
    );
    await panel('lead', true, doc);
    const [mine, theirs] = [...dialog().querySelectorAll('.comment-thread')];
    expect(button('Edit', theirs!)).toBeUndefined();
    await click(button('Edit', mine!));
    const edit = mine!.querySelector('textarea') as HTMLTextAreaElement;
    expect(edit.value).toBe('Owner?');
    await type(edit, 'Who owns it, @Leo Brandt?');
    await click(button('Save', mine!));
    await click(button('Withdraw', theirs!));
    const [first, second] = readComments(doc).threads;
    expect(first!.comments[0]).toMatchObject({
      body: 'Who owns it, @Leo Brandt?',
      mentions: ['leo brandt'],
      editedAt: AT,
    });
    expect(second!.comments[0]).toMatchObject({ body: '', deleted: { by: 'Dana Okafor', at: AT } });
    expect(dialog().textContent).toContain('Withdrawn by Dana Okafor');
  });
});
