import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { seededRandom } from '../../../test/helpers/seeded-random.ts';
import { readRegistry, registryReader } from './read.ts';
import { createRecord, updateRecord } from './records.ts';
import { RECORDS, TRIAGE, type RecordFields } from './schema.ts';
import { setTriage } from './triage.ts';

const AT = Date.UTC(2026, 2, 10, 12);
const fields: RecordFields = {
  name: 'ChatGPT Enterprise',
  vendor: 'OpenAI',
  category: 'chat-assistant',
  purpose: 'Drafting customer emails',
  owner: 'Dana (Sales Ops)',
  lifecycle: 'in-use',
  departments: ['Sales', 'Support'],
  userCount: 40,
  dataCategories: ['customer', 'personal'],
  toolKeys: ['chatgpt', 'host:chat.acme-ai.example'],
  model: 'GPT-4o',
  provider: 'OpenAI',
};

function aRegistry(): Y.Doc {
  const doc = new Y.Doc();
  createRecord(doc, 'rec-1', fields, 'lead-1', AT);
  createRecord(doc, 'rec-2', { name: 'Copilot' }, 'lead-2', AT + 1);
  setTriage(doc, 'chatgpt', { state: 'merged', recordId: 'rec-1', by: 'lead-1', at: AT });
  setTriage(doc, 'host:noise.example', {
    state: 'dismissed',
    reason: 'not AI',
    by: 'lead-2',
    at: AT,
  });
  return doc;
}

function sync(from: Y.Doc): Y.Doc {
  const to = new Y.Doc();
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
  return to;
}

function changedKeys(doc: Y.Doc, run: () => void): string[] {
  const changed: string[] = [];
  const observe = (events: Array<Y.YEvent<Y.AbstractType<unknown>>>) => {
    for (const event of events) for (const key of event.keys.keys()) changed.push(key);
  };
  doc.getMap(RECORDS).observeDeep(observe);
  run();
  doc.getMap(RECORDS).unobserveDeep(observe);
  return changed.sort();
}

describe('registry document', () => {
  it('reads back identically on another replica', () => {
    const doc = aRegistry();
    const registry = readRegistry(doc);
    expect(registry.problems).toEqual([]);
    expect(registry.schemaVersion).toBe(2);
    expect(registry.records.get('rec-1')).toEqual({
      id: 'rec-1',
      ...fields,
      departments: ['Sales', 'Support'],
      dataCategories: ['customer', 'personal'],
      createdAt: AT,
      createdBy: 'lead-1',
      updatedAt: AT,
      updatedBy: 'lead-1',
    });
    expect(registry.records.get('rec-2')).toEqual({
      id: 'rec-2',
      name: 'Copilot',
      departments: [],
      dataCategories: [],
      toolKeys: [],
      createdAt: AT + 1,
      createdBy: 'lead-2',
      updatedAt: AT + 1,
      updatedBy: 'lead-2',
    });
    expect([...registry.triage]).toEqual([
      ['chatgpt', { state: 'merged', recordId: 'rec-1', by: 'lead-1', at: AT }],
      ['host:noise.example', { state: 'dismissed', reason: 'not AI', by: 'lead-2', at: AT }],
    ]);
    expect(readRegistry(sync(doc))).toEqual(registry);
  });

  it('updates only the fields that change, then who and when', () => {
    const doc = aRegistry();
    expect(
      changedKeys(doc, () => updateRecord(doc, 'rec-1', { owner: fields.owner }, 'lead-2', AT + 5)),
    ).toEqual([]);
    const changed = changedKeys(doc, () =>
      expect(
        updateRecord(
          doc,
          'rec-1',
          { userCount: 41, departments: ['Support', 'Legal'], model: null },
          'lead-2',
          AT + 5,
        ),
      ).toBe(true),
    );
    // Each value under this replica's key (field-register.ts); who and when is the history entry.
    const own = (field: string) => `${field}@${doc.clientID.toString(36)}`;
    expect(changed).toEqual(['Legal', 'Sales', own('model'), own('userCount')].sort());
    expect(readRegistry(doc).records.get('rec-1')).toMatchObject({
      userCount: 41,
      departments: ['Legal', 'Support'],
      updatedBy: 'lead-2',
      updatedAt: AT + 5,
    });
    expect(readRegistry(doc).records.get('rec-1')).not.toHaveProperty('model');
  });

  it('merges two leads editing one record at once, field by field and set item by set item', () => {
    const a = aRegistry();
    const b = sync(a);
    updateRecord(
      a,
      'rec-1',
      { owner: 'Sam', departments: ['Sales', 'Support', 'Legal'] },
      'lead-1',
      AT + 1,
    );
    updateRecord(
      b,
      'rec-1',
      { lifecycle: 'retired', departments: ['Sales', 'Support', 'HR'] },
      'lead-2',
      AT + 2,
    );
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const record = readRegistry(a).records.get('rec-1');
    expect(record).toMatchObject({
      owner: 'Sam',
      lifecycle: 'retired',
      departments: ['HR', 'Legal', 'Sales', 'Support'],
    });
    expect(readRegistry(b)).toEqual(readRegistry(a));
  });

  it('replaces a triage decision, dropping the parts left out', () => {
    const doc = aRegistry();
    setTriage(doc, 'chatgpt', {
      state: 'snoozed',
      snoozedUntil: AT + 1000,
      by: 'lead-2',
      at: AT + 2,
    });
    expect(readRegistry(doc).triage.get('chatgpt')).toEqual({
      state: 'snoozed',
      snoozedUntil: AT + 1000,
      by: 'lead-2',
      at: AT + 2,
      earlier: [{ state: 'merged', recordId: 'rec-1', by: 'lead-1', at: AT }],
    });
  });

  it('refuses bad input and changes nothing', () => {
    const doc = aRegistry();
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => createRecord(doc, 'rec-1', fields, 'lead-1', AT)).toThrow(/already exists/);
    expect(() => createRecord(doc, 'a/b', fields, 'lead-1', AT)).toThrow(/record id/);
    expect(() => createRecord(doc, 'r3', { ...fields, name: '' }, 'lead-1', AT)).toThrow(/name/);
    expect(() =>
      createRecord(doc, 'r3', { ...fields, lifecycle: 'dead' as 'retired' }, 'l', AT),
    ).toThrow(/lifecycle/);
    expect(() => updateRecord(doc, 'rec-1', { name: null }, 'lead-1', AT)).toThrow(
      /keeps its name/,
    );
    expect(() => updateRecord(doc, 'rec-1', { userCount: -3 }, 'lead-1', AT)).toThrow(/userCount/);
    expect(() => updateRecord(doc, 'rec-1', { toolKeys: ['Not A Key'] }, 'lead-1', AT)).toThrow(
      /toolKeys/,
    );
    expect(() => updateRecord(doc, 'rec-1', { owner: 'o'.repeat(201) }, 'lead-1', AT)).toThrow(
      /owner/,
    );
    expect(() => updateRecord(doc, 'rec-1', { risk: 'high' } as never, 'lead-1', AT)).toThrow(
      /unknown record field/,
    );
    expect(() => updateRecord(doc, 'rec-9', { owner: 'x' }, 'lead-1', AT)).toThrow(/no record/);
    expect(() => setTriage(doc, 'chatgpt', { state: 'merged', by: 'l', at: AT })).toThrow(
      /merged into/,
    );
    expect(() => setTriage(doc, 'chatgpt', { state: 'snoozed', by: 'l', at: AT })).toThrow(
      /until when/,
    );
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
  });

  it('skips and reports hostile content, keeping what is readable', () => {
    const doc = sync(aRegistry());
    const records = doc.getMap<unknown>(RECORDS);
    records.set('x', 42);
    records.set('bad id!', new Y.Map());
    const rec1 = records.get('rec-1') as Y.Map<unknown>;
    // Hostile values under the schema-1 keys, where the values stood (the versions removed).
    for (const key of [...rec1.keys()]) {
      if (/^(name|userCount|purpose)@/.test(key)) rec1.delete(key);
    }
    rec1.set('name', 7);
    rec1.set('userCount', 'forty');
    rec1.set('departments', ['Sales', 12]);
    rec1.set('dataCategories', new Y.Array());
    rec1.set('purpose', 'p'.repeat(1_000_000));
    const triage = doc.getMap<unknown>(TRIAGE);
    (triage.get('chatgpt') as Y.Map<unknown>).set('state', 'lost');
    triage.set('claude', ['open']);
    const registry = readRegistry(doc);
    expect([...registry.records.keys()]).toEqual(['rec-1', 'rec-2']);
    expect(registry.records.get('rec-1')).toMatchObject({
      name: 'rec-1',
      departments: ['Sales'],
      dataCategories: [],
      vendor: 'OpenAI',
    });
    expect(registry.records.get('rec-1')).not.toHaveProperty('purpose');
    expect(registry.records.get('rec-1')).not.toHaveProperty('userCount');
    expect([...registry.triage.keys()]).toEqual(['host:noise.example']);
    expect(registry.problems).toEqual([
      'records."bad id!": not a valid key; skipped',
      'records.rec-1.name: expected a string, got 7',
      'records.rec-1.purpose: expected at most 2000 characters, got 1000000',
      'records.rec-1.departments: skipped 1 invalid item(s)',
      'records.rec-1.userCount: expected a number, got a string',
      'records.rec-1.dataCategories: expected a map or a list, got a YArray',
      'records.rec-1.name: missing or unreadable; showing the id',
      'records.x: expected a map, got 42; skipped',
      'triage.chatgpt.state: expected one of new, open, merged, dismissed, snoozed',
      'triage.chatgpt: no readable state; skipped',
      'triage.claude: expected a map, got an array; skipped',
    ]);
  });
});

describe('registryReader (read again after every change)', () => {
  it('reads what readRegistry reads after every step of seeded random edits', () => {
    for (const seed of [7, 8, 2026]) {
      const random = seededRandom(seed);
      const doc = new Y.Doc();
      const reader = registryReader(doc);
      const ids: string[] = [];
      for (let step = 0; step < 200; step++) {
        const action = random.int(6);
        const id = ids.length > 0 && action > 0 ? random.pick(ids) : `r${step}`;
        if (action === 0 || ids.length === 0) {
          createRecord(doc, id, { name: `Tool ${step}` }, 'lead', AT + step);
          ids.push(id);
        } else if (action === 1) {
          updateRecord(doc, id, { owner: `Owner ${random.int(5)}` }, 'lead', AT + step);
        } else if (action === 2) {
          updateRecord(doc, id, { departments: random.int(2) ? ['Sales'] : [] }, 'lead', AT + step);
        } else if (action === 3) {
          setTriage(doc, `tool-${random.int(10)}`, {
            state: 'open',
            recordId: id,
            by: 'lead',
            at: AT,
          });
        } else if (action === 4) {
          // A hostile replica: a record that is not a map, and a damaged name.
          doc.getMap(RECORDS).set(`bad${random.int(3)}`, random.int(2) ? 'x' : new Y.Map());
        } else {
          (doc.getMap(RECORDS).get(id) as Y.Map<unknown> | undefined)?.set('name', 42);
        }
        if (random.int(4) === 0)
          expect(reader.read(), `seed ${seed} step ${step}`).toEqual(readRegistry(doc));
      }
      expect(reader.read()).toEqual(readRegistry(doc));
      reader.destroy();
    }
  });
});
