import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { indexAssessment, readAssessmentIndex } from './assessment-index.ts';
import { historyWords } from './history-words.ts';
import { addNote, readRecordLogs } from './notes.ts';
import { readRegistry } from './read.ts';
import {
  currentRecordId,
  deleteRecord,
  mergeRecords,
  noteSignOff,
  noteStatusDecision,
  setArchived,
} from './record-lifecycle.ts';
import { createRecord, updateRecord } from './records.ts';
import { readRiskRegister, saveRisk } from './risks.ts';
import { setTriage } from './triage.ts';

/** Rule RC3 (docs/sync.md): records can be corrected, and every correction is in the history. */

const AT = Date.UTC(2026, 5, 2, 10);
const lead = { by: 'lead-1', at: AT + 10 };

function aRegistry(): Y.Doc {
  const doc = new Y.Doc();
  createRecord(
    doc,
    'chatgpt-team',
    { name: 'ChatGPT Team', owner: 'Dana', departments: ['Sales'], toolKeys: ['openai-chatgpt'] },
    'lead-1',
    AT,
  );
  createRecord(
    doc,
    'chatgpt-dup',
    {
      name: 'ChatGPT (second record)',
      vendor: 'OpenAI',
      departments: ['Legal'],
      toolKeys: ['host:chat.openai.com'],
    },
    'lead-2',
    AT + 1,
  );
  setTriage(doc, 'host:chat.openai.com', { state: 'open', recordId: 'chatgpt-dup', ...lead });
  addNote(doc, 'chatgpt-dup', {
    id: 'n1',
    kind: 'drift',
    text: 'Answers got longer',
    by: 'lead-2',
    at: AT + 2,
  });
  updateRecord(doc, 'chatgpt-dup', { model: 'GPT-4o' }, 'lead-2', AT + 3);
  saveRisk(
    doc,
    'risk-1',
    {
      systemIds: ['chatgpt-dup'],
      source: 'privacy',
      description: 'Customer data pasted into prompts',
      likelihood: 3,
      impact: 4,
      treatment: 'mitigate',
      controls: ['A.7.4'],
      status: 'open',
    },
    'lead-2',
    AT + 4,
  );
  indexAssessment(doc, {
    id: 'ia-1',
    recordId: 'chatgpt-dup',
    kind: 'impact',
    title: 'Impact assessment',
    createdAt: AT + 5,
    createdBy: 'lead-2',
  });
  return doc;
}

describe('archiving a record', () => {
  it('keeps it, marks it, and restores it, each step in the history', () => {
    const doc = aRegistry();
    expect(setArchived(doc, 'chatgpt-team', true, { ...lead, reason: 'Licence ended' })).toBe(true);
    expect(setArchived(doc, 'chatgpt-team', true, lead)).toBe(false);
    expect(readRegistry(doc).records.get('chatgpt-team')?.archived).toEqual({
      by: 'lead-1',
      at: AT + 10,
      reason: 'Licence ended',
    });
    expect(setArchived(doc, 'chatgpt-team', false, { by: 'lead-2', at: AT + 20 })).toBe(true);
    expect(readRegistry(doc).records.get('chatgpt-team')).not.toHaveProperty('archived');
    const words = readRecordLogs(doc, 'chatgpt-team').history.map((e) => historyWords(e));
    expect(words.slice(0, 2)).toEqual([
      { action: 'restored the record from the archive', lines: [] },
      { action: 'archived the record', lines: ['Reason: Licence ended'] },
    ]);
  });
});

describe('merging two records', () => {
  it('moves detections, notes, history, risks, assessments and triage into the one kept', () => {
    const doc = aRegistry();
    mergeRecords(doc, 'chatgpt-dup', 'chatgpt-team', { ...lead, reason: 'Same tool' });
    const registry = readRegistry(doc);
    expect([...registry.records.keys()]).toEqual(['chatgpt-team']);
    expect(registry.removed?.get('chatgpt-dup')).toEqual({
      id: 'chatgpt-dup',
      name: 'ChatGPT (second record)',
      mergedInto: 'chatgpt-team',
    });
    const kept = registry.records.get('chatgpt-team')!;
    expect(kept.toolKeys).toEqual(['host:chat.openai.com', 'openai-chatgpt']);
    expect(kept.departments).toEqual(['Legal', 'Sales']);
    expect(kept).toMatchObject({ owner: 'Dana', vendor: 'OpenAI', model: 'GPT-4o' });
    const logs = readRecordLogs(doc, 'chatgpt-team');
    expect(logs.notes.map((n) => n.text)).toEqual(['Answers got longer']);
    expect(logs.history[0]).toMatchObject({
      action: 'merged-in',
      subject: 'ChatGPT (second record)',
    });
    expect(historyWords(logs.history[0]!).lines).toContain('Reason: Same tool');
    // The merged record's own history came along, saying where from.
    expect(logs.history.map((e) => e.action)).toContain('note-added');
    expect(readRiskRegister(doc).risks.get('risk-1')?.systemIds).toEqual(['chatgpt-team']);
    expect(readAssessmentIndex(doc).assessments[0]?.recordId).toBe('chatgpt-team');
    expect(registry.triage.get('host:chat.openai.com')?.recordId).toBe('chatgpt-team');
    expect(currentRecordId(doc, 'chatgpt-dup')).toBe('chatgpt-team');
    expect(readRecordLogs(doc, 'chatgpt-dup').history[0]).toMatchObject({
      action: 'merged-away',
      subject: 'ChatGPT Team',
    });
  });

  it('refuses to merge a record into itself or into one already gone, changing nothing', () => {
    const doc = aRegistry();
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => mergeRecords(doc, 'chatgpt-dup', 'chatgpt-dup', lead)).toThrow(/itself/);
    expect(() => mergeRecords(doc, 'chatgpt-dup', 'nope', lead)).toThrow(/no record/);
    expect(() => mergeRecords(doc, 'chatgpt-dup', 'chatgpt-team', { by: '', at: AT })).toThrow(
      /by/,
    );
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    mergeRecords(doc, 'chatgpt-dup', 'chatgpt-team', lead);
    expect(() => mergeRecords(doc, 'chatgpt-team', 'chatgpt-dup', lead)).toThrow(
      /merged or deleted/,
    );
    expect(() => updateRecord(doc, 'chatgpt-dup', { owner: 'x' }, 'lead-1', AT)).toThrow(
      /merged or deleted/,
    );
  });
});

describe('deleting a record', () => {
  it('needs a reason, keeps the name and history, and makes its tools new again', () => {
    const doc = aRegistry();
    const before = Y.encodeStateAsUpdate(doc);
    expect(() => deleteRecord(doc, 'chatgpt-dup', { ...lead, reason: '  ' })).toThrow(/why/);
    expect(() => deleteRecord(doc, 'chatgpt-dup', lead)).toThrow(/reason/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(before);
    deleteRecord(doc, 'chatgpt-dup', { by: 'admin-1', at: AT + 30, reason: 'Created by mistake' });
    const registry = readRegistry(doc);
    expect(registry.records.has('chatgpt-dup')).toBe(false);
    expect(registry.removed?.get('chatgpt-dup')).toEqual({
      id: 'chatgpt-dup',
      name: 'ChatGPT (second record)',
      deleted: { by: 'admin-1', at: AT + 30, reason: 'Created by mistake' },
    });
    expect(registry.triage.get('host:chat.openai.com')).toMatchObject({ state: 'new' });
    const [last] = readRecordLogs(doc, 'chatgpt-dup').history;
    expect(historyWords(last!)).toEqual({
      action: 'deleted the record',
      lines: ['Reason: Created by mistake'],
    });
  });
});

describe('the status employees see', () => {
  it('is in the history of every record listing the tool, in words', () => {
    const doc = aRegistry();
    const stamp = { by: 'lead-1', at: AT + 40 };
    expect(noteStatusDecision(doc, 'openai-chatgpt', { from: null, to: 'banned' }, stamp)).toBe(1);
    const [entry] = readRecordLogs(doc, 'chatgpt-team').history;
    expect(historyWords(entry!)).toEqual({
      action: 'set the status employees see',
      lines: ['Tool: openai-chatgpt', 'Status for employees: (none) → “Banned”'],
    });
    expect(noteStatusDecision(doc, 'nobody-uses-this', { from: null, to: 'approved' }, stamp)).toBe(
      0,
    );
  });
});

describe('a sign-off', () => {
  it('is in the history of the assessed record, following a merge', () => {
    const doc = aRegistry();
    mergeRecords(doc, 'chatgpt-dup', 'chatgpt-team', lead);
    const sign = { assessmentId: 'ia-1', versionName: 'v1 (board)', by: 'lead-1', at: AT + 50 };
    expect(noteSignOff(doc, sign)).toBe(true);
    const [entry] = readRecordLogs(doc, 'chatgpt-team').history;
    expect(historyWords(entry!)).toEqual({
      action: 'signed off an assessment',
      lines: ['Assessment: Impact assessment — v1 (board)'],
    });
    expect(noteSignOff(doc, { ...sign, assessmentId: 'unknown' })).toBe(false);
  });
});
