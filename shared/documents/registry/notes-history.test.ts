import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addNote, ensureRecordLogs, readRecordLogs, removeNote } from './notes.ts';
import { historyWords } from './history-words.ts';
import { createRecord, updateRecord } from './records.ts';
import { HISTORY, MAX_HISTORY, NOTES, RECORDS } from './schema.ts';

const AT = Date.UTC(2026, 2, 10, 12);

function aRegistry(): Y.Doc {
  const doc = new Y.Doc();
  createRecord(
    doc,
    'rec-1',
    { name: 'HireRank', owner: 'Dana', departments: ['Sales'] },
    'lead-1',
    AT,
  );
  return doc;
}

function sync(from: Y.Doc): Y.Doc {
  const to = new Y.Doc();
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
  return to;
}

function exchange(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)));
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
}

const record = (doc: Y.Doc) => doc.getMap<unknown>(RECORDS).get('rec-1') as Y.Map<unknown>;

describe('record history', () => {
  it('writes one entry per change, naming the fields from → to, newest first', () => {
    const doc = aRegistry();
    updateRecord(doc, 'rec-1', { owner: 'Sam', userCount: 12 }, 'lead-2', AT + 1);
    updateRecord(doc, 'rec-1', { departments: ['Legal', 'HR'], model: 'GPT-4o' }, 'lead-1', AT + 2);
    updateRecord(doc, 'rec-1', { owner: 'Sam' }, 'lead-1', AT + 3); // no change, no entry
    updateRecord(doc, 'rec-1', { model: null }, 'lead-2', AT + 4);
    const { history, problems } = readRecordLogs(doc, 'rec-1');
    expect(problems).toEqual([]);
    expect(history).toEqual([
      {
        at: AT + 4,
        by: 'lead-2',
        action: 'edited',
        fields: ['model'],
        changes: [{ field: 'model', from: 'GPT-4o', to: null }],
      },
      {
        at: AT + 2,
        by: 'lead-1',
        action: 'edited',
        fields: ['departments', 'model'],
        changes: [
          { field: 'departments', from: ['Sales'], to: ['Legal', 'HR'] },
          { field: 'model', from: null, to: 'GPT-4o' },
        ],
      },
      {
        at: AT + 1,
        by: 'lead-2',
        action: 'edited',
        fields: ['owner', 'userCount'],
        changes: [
          { field: 'owner', from: 'Dana', to: 'Sam' },
          { field: 'userCount', from: null, to: 12 },
        ],
      },
    ]);
    expect(history.map((entry) => historyWords(entry).lines)).toEqual([
      ['Model: “GPT-4o” → (none)'],
      ['Departments: added Legal, HR; removed Sales', 'Model: (none) → “GPT-4o”'],
      ['Business owner: “Dana” → “Sam”', 'Number of users: (none) → 12'],
    ]);
  });

  it('keeps whole values: two long texts that share a start stay told apart', () => {
    const doc = aRegistry();
    const start = 'Screens applicants for the sales team; '.repeat(3);
    updateRecord(doc, 'rec-1', { purpose: `${start}ranks them by fit.` }, 'lead-1', AT + 1);
    updateRecord(
      doc,
      'rec-1',
      { purpose: `${start}only flags missing documents.` },
      'lead-2',
      AT + 2,
    );
    const [latest] = readRecordLogs(doc, 'rec-1').history;
    expect(latest!.changes).toEqual([
      {
        field: 'purpose',
        from: `${start}ranks them by fit.`,
        to: `${start}only flags missing documents.`,
      },
    ]);
  });

  it('reads schema-1 entries (field names and a summary)', () => {
    const doc = aRegistry();
    (record(doc).get(HISTORY) as Y.Array<unknown>).push([
      { at: AT, by: 'lead-1', action: 'edited', fields: ['owner'], summary: 'owner: “A” → “B”' },
    ]);
    expect(readRecordLogs(doc, 'rec-1').history).toEqual([
      { at: AT, by: 'lead-1', action: 'edited', fields: ['owner'], summary: 'owner: “A” → “B”' },
    ]);
  });

  it(`keeps the latest ${MAX_HISTORY} entries`, () => {
    const doc = aRegistry();
    for (let i = 1; i <= MAX_HISTORY + 50; i++) {
      updateRecord(doc, 'rec-1', { userCount: i }, 'lead-1', AT + i);
    }
    expect((record(doc).get(HISTORY) as Y.Array<unknown>).length).toBe(MAX_HISTORY);
    const { history } = readRecordLogs(doc, 'rec-1');
    expect(history).toHaveLength(MAX_HISTORY);
    expect(history[0]!.changes).toEqual([
      { field: 'userCount', from: MAX_HISTORY + 49, to: MAX_HISTORY + 50 },
    ]);
    expect(history.at(-1)!.at).toBe(AT + 51);
  });

  it('reads hostile entries without trusting them', () => {
    const doc = sync(aRegistry());
    updateRecord(doc, 'rec-1', { owner: 'Sam' }, 'lead-1', AT + 1);
    const history = record(doc).get(HISTORY) as Y.Array<unknown>;
    history.push([
      42,
      { at: -1, by: 'x', action: 'edited', fields: [] },
      { at: AT, by: 'x', action: 'exploded', fields: [] },
      { at: AT, by: 'x', action: 'edited', fields: ['<script>'] },
      { at: AT + 9, by: 'x', action: 'edited', fields: ['owner'], summary: 7 },
      new Y.Map(),
    ]);
    const { history: read, problems } = readRecordLogs(doc, 'rec-1');
    expect(read.map((e) => e.by)).toEqual(['x', 'lead-1']);
    expect(read[0]).not.toHaveProperty('summary');
    expect(problems).toEqual([
      'records.rec-1.history[1]: expected an entry, got 42; skipped',
      'records.rec-1.history[2]: no valid at; skipped',
      'records.rec-1.history[3]: unknown action; skipped',
      'records.rec-1.history[4]: no valid fields; skipped',
      'records.rec-1.history[5].summary: not text; left out',
      'records.rec-1.history[6]: expected a plain entry, got a YMap; skipped',
    ]);
    record(doc).set(HISTORY, 'gone');
    expect(readRecordLogs(doc, 'rec-1').problems).toEqual([
      'records.rec-1.history: expected a list, got a string',
    ]);
  });
});

describe('record notes', () => {
  const note = (id: string, at: number, by = 'lead-1') => ({
    id,
    kind: 'drift' as const,
    text: `Accuracy fell on ${id}`,
    by,
    at,
  });

  it('adds and removes dated notes, each with a history entry', () => {
    const doc = aRegistry();
    addNote(doc, 'rec-1', note('n1', AT + 1));
    addNote(doc, 'rec-1', { ...note('n2', AT + 2), kind: 'performance', text: 'p95 1.2 s' });
    expect(readRecordLogs(doc, 'rec-1').notes).toEqual([
      { id: 'n2', kind: 'performance', text: 'p95 1.2 s', by: 'lead-1', at: AT + 2 },
      { id: 'n1', kind: 'drift', text: 'Accuracy fell on n1', by: 'lead-1', at: AT + 1 },
    ]);
    expect(removeNote(doc, 'rec-1', 'n1', 'lead-2', AT + 3)).toBe(true);
    expect(removeNote(doc, 'rec-1', 'n1', 'lead-2', AT + 4)).toBe(false);
    const logs = readRecordLogs(doc, 'rec-1');
    expect(logs.notes.map((n) => n.id)).toEqual(['n2']);
    expect(logs.history.map((e) => [e.action, e.by, historyWords(e)])).toEqual([
      [
        'note-removed',
        'lead-2',
        { action: 'removed a drift note', lines: ['“Accuracy fell on n1”'] },
      ],
      ['note-added', 'lead-1', { action: 'added a performance note', lines: ['“p95 1.2 s”'] }],
      ['note-added', 'lead-1', { action: 'added a drift note', lines: ['“Accuracy fell on n1”'] }],
    ]);
  });

  it('refuses bad notes and changes nothing', () => {
    const doc = aRegistry();
    addNote(doc, 'rec-1', note('n1', AT));
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => addNote(doc, 'rec-1', note('n1', AT))).toThrow(/already exists/);
    expect(() => addNote(doc, 'rec-9', note('n2', AT))).toThrow(/no record/);
    expect(() => addNote(doc, 'rec-1', note('a/b', AT))).toThrow(/note id/);
    expect(() => addNote(doc, 'rec-1', { ...note('n2', AT), kind: 'gossip' as 'drift' })).toThrow(
      /kind/,
    );
    expect(() => addNote(doc, 'rec-1', { ...note('n2', AT), text: '   ' })).toThrow(/blank/);
    expect(() => addNote(doc, 'rec-1', { ...note('n2', AT), text: 'x'.repeat(4001) })).toThrow(
      /note text/,
    );
    expect(() => addNote(doc, 'rec-1', { ...note('n2', AT), by: '' })).toThrow(/by/);
    expect(() => addNote(doc, 'rec-1', note('n2', -5))).toThrow(/at/);
    expect(() => removeNote(doc, 'rec-1', 'n1', 'lead-1', Number.NaN)).toThrow(/at/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('keeps both leads’ notes and edits when they work at once on two replicas', () => {
    const a = aRegistry(); // its notes and history were made with it, by one lead
    const b = sync(a);
    addNote(a, 'rec-1', note('from-a', AT + 1, 'lead-1'));
    updateRecord(a, 'rec-1', { owner: 'Sam' }, 'lead-1', AT + 1);
    addNote(b, 'rec-1', note('from-b', AT + 2, 'lead-2'));
    updateRecord(b, 'rec-1', { purpose: 'Screening CVs' }, 'lead-2', AT + 2);
    exchange(a, b);
    const logs = readRecordLogs(a, 'rec-1');
    expect(logs.notes.map((n) => n.id)).toEqual(['from-b', 'from-a']);
    expect(logs.history.map((e) => `${e.by}:${e.action}`).sort()).toEqual([
      'lead-1:edited',
      'lead-1:note-added',
      'lead-2:edited',
      'lead-2:note-added',
    ]);
    expect(readRecordLogs(b, 'rec-1')).toEqual(logs);
  });

  it('creates the containers of an older record once, and reads hostile notes', () => {
    const doc = aRegistry();
    expect(ensureRecordLogs(doc, 'rec-1')).toBe(false);
    // A record written before notes and history existed.
    record(doc).delete(NOTES);
    record(doc).delete(HISTORY);
    expect(ensureRecordLogs(doc, 'rec-1')).toBe(true);
    expect(record(doc).get(NOTES)).toBeInstanceOf(Y.Map);
    expect(record(doc).get(HISTORY)).toBeInstanceOf(Y.Array);
    expect(ensureRecordLogs(doc, 'rec-1')).toBe(false);
    expect(ensureRecordLogs(doc, 'rec-9')).toBe(false);
    addNote(doc, 'rec-1', note('n1', AT));
    const notes = record(doc).get(NOTES) as Y.Map<unknown>;
    notes.set('bad id!', new Y.Map());
    notes.set('n2', 'text');
    const n3 = new Y.Map<unknown>();
    notes.set('n3', n3);
    n3.set('kind', 'drift');
    n3.set('text', '<img src=x onerror=alert(1)>');
    n3.set('by', 'lead-3');
    n3.set('at', 'yesterday');
    const { notes: read, problems } = readRecordLogs(doc, 'rec-1');
    expect(read.map((n) => n.id)).toEqual(['n1']);
    expect(problems).toEqual([
      'records.rec-1.notes."bad id!": not a valid key; skipped',
      'records.rec-1.notes.n2: expected a map, got a string; skipped',
      'records.rec-1.notes.n3.at: expected a number, got a string',
      'records.rec-1.notes.n3: unreadable note; skipped',
    ]);
    record(doc).set(NOTES, [1, 2]);
    expect(readRecordLogs(doc, 'rec-1').problems).toEqual([
      'records.rec-1.notes: expected a map, got an array',
    ]);
    expect(readRecordLogs(doc, 'nope')).toEqual({ notes: [], history: [], problems: [] });
  });
});
