import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  AIMS_OBJECTIVES,
  AIMS_PARTIES,
  aimsRegisterCsv,
  aimsRegistersJson,
  readAimsRegister,
  saveAimsEntry,
} from './index.ts';

const AT = Date.UTC(2026, 11, 1);

describe('AIMS register exports', () => {
  const doc = new Y.Doc();
  // Saved out of id order: the exports sort them.
  saveAimsEntry(
    doc,
    AIMS_OBJECTIVES,
    'obj-2',
    {
      annexC: 'Transparency and explainability',
      title: 'Tell candidates when AI ranks them',
      measure: '=share of job ads with the notice',
      target: '100 %',
      status: 'planned',
    },
    'Ben',
    AT,
  );
  saveAimsEntry(
    doc,
    AIMS_OBJECTIVES,
    'obj-1',
    {
      annexC: 'Fairness',
      title: 'Selection-rate ratio, "four-fifths"',
      measure: 'Quarterly',
      target: '≥ 0.8',
      dueDate: Date.UTC(2027, 2, 31),
      status: 'on-track',
      systemIds: ['rec-1', 'rec-2'],
    },
    'Ana',
    AT,
  );
  const { entries } = readAimsRegister(doc, AIMS_OBJECTIVES);
  const names = { records: new Map([['rec-1', 'HireRank']]) };

  it('writes CSV in id order with the linked systems named, formula-safe and quoted', () => {
    const csv = aimsRegisterCsv(AIMS_OBJECTIVES, entries, names);
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe(
      'ID,Annex C objective,Objective,Measure,Target,Owner,Due date,Status,Systems,Systems (names),Last changed,Changed by',
    );
    expect(lines[1]).toBe(
      'obj-1,Fairness,"Selection-rate ratio, ""four-fifths""",Quarterly,≥ 0.8,,2027-03-31,on-track,rec-1; rec-2,HireRank; ,2026-12-01T00:00:00.000Z,Ana',
    );
    expect(lines[2]).toContain(",'=share of job ads");
    expect(aimsRegisterCsv(AIMS_OBJECTIVES, [...entries].reverse(), names)).toBe(csv);
  });

  it('writes JSON with every field, empty ones as null or [], dates as days', () => {
    const json = JSON.parse(
      aimsRegistersJson([
        { register: AIMS_OBJECTIVES, entries },
        { register: AIMS_PARTIES, entries: [] },
      ]),
    ) as Record<string, { clause: string; entries: Record<string, unknown>[] }>;
    expect(json.aimsObjectives?.clause).toBe('6.2');
    expect(json.aimsObjectives?.entries.map((e) => e.id)).toEqual(['obj-1', 'obj-2']);
    expect(json.aimsObjectives?.entries[0]).toMatchObject({ dueDate: '2027-03-31', owner: null });
    expect(json.aimsObjectives?.entries[1]).toMatchObject({ systemIds: [], dueDate: null });
    expect(json.aimsParties?.entries).toEqual([]);
  });
});
