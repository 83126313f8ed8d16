import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  createRecord,
  readDutyTracker,
  saveTrackedDuty,
  setUseProfile,
} from '../../../../shared/documents/registry/index.ts';
import { button, choose, cleanup, click, render, type } from '../../test-support/render.tsx';
import { DeviceValuesProvider, memoryDeviceValues } from '../../session/device-values.ts';
import { Inventory } from '../Inventory.tsx';
import { InventoryList } from '../list/InventoryList.tsx';

const TODAY = Date.UTC(2026, 11, 7, 10);

afterEach(cleanup);

function registry(profile: unknown): Y.Doc {
  const doc = new Y.Doc();
  createRecord(doc, 'rec-1', { name: 'HireRank' }, 'lead-1', TODAY);
  setUseProfile(doc, 'rec-1', profile, 'lead-1', TODAY);
  return doc;
}

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
const row = (view: HTMLElement, citation: string) =>
  [...view.querySelectorAll('.tracked-duty')].find((li) =>
    text(li.querySelector('.tracked-duty-title cite')).startsWith(citation),
  ) as HTMLElement;

describe('the deployer-obligations tracker on a record', () => {
  it('lists each duty of the workspace with when it applies, and saves status, owner and evidence', async () => {
    const doc = registry({ annexIII: ['employment.recruitment'] });
    const view = await render(
      <Inventory registry={doc} recordId="rec-1" canEdit me="tok-lead" now={() => TODAY} />,
    );
    const tracker = view.querySelector('.duty-tracker')!;
    expect(text(tracker.querySelector('h2'))).toBe('EU AI Act duties of this workspace');
    const titles = [...tracker.querySelectorAll('.tracked-duty-title')].map(text);
    expect(titles).toContainEqual(expect.stringMatching(/^from 2 Dec 2027 Art\. 26\(2\): /));
    expect(titles).toContainEqual(expect.stringMatching(/^applies now Art\. 4: /));

    const oversight = row(view, 'Art. 26(2)');
    await choose(oversight.querySelector('select'), 'done');
    await type(oversight.querySelector('input'), 'Dana (HR)');
    await type(oversight.querySelector('textarea'), 'Dana and Lee, trained 2026-11');
    await click(button(oversight, 'Save'));
    expect(text(oversight.querySelector('[role="status"]'))).toBe('Saved.');
    expect(readDutyTracker(doc).byRecord.get('rec-1')?.get('art-26-2')).toMatchObject({
      status: 'done',
      owner: 'Dana (HR)',
      evidence: 'Dana and Lee, trained 2026-11',
      updatedBy: 'tok-lead',
    });
    expect(text(view.querySelector('.duty-tracker > p'))).toMatch(/^1 of 13 done/);
    // A change saved by another lead shows in the row.
    await act(async () => {
      saveTrackedDuty(
        doc,
        'rec-1',
        'art-26-2',
        { status: 'in-progress', owner: 'Lee' },
        'lead-2',
        TODAY + 1,
      );
    });
    expect((oversight.querySelector('select') as HTMLSelectElement).value).toBe('in-progress');
    expect((oversight.querySelector('input') as HTMLInputElement).value).toBe('Lee');
  });

  it('refuses a bad link with a clear error, changing nothing', async () => {
    const doc = registry({ annexIII: ['employment.recruitment'] });
    const view = await render(
      <Inventory registry={doc} recordId="rec-1" canEdit me="tok-lead" now={() => TODAY} />,
    );
    const dpia = row(view, 'Art. 26(9)');
    await type(dpia.querySelector('input.tracked-duty-link'), 'javascript:alert(1)');
    await click(button(dpia, 'Save'));
    expect(text(dpia.querySelector('[role="alert"]'))).toMatch(/http or https/);
    expect(readDutyTracker(doc).byRecord.size).toBe(0);
  });

  it('is read-only for a contributor, shows the stored state, and is absent for a minimal system', async () => {
    const doc = registry({
      interactsWithPeople: true,
      biometricCategorisation: 'other-attributes',
    });
    saveTrackedDuty(
      doc,
      'rec-1',
      'art-50-3',
      { status: 'in-progress', evidence: 'Sign at the door' },
      'lead-1',
      TODAY,
    );
    const view = await render(
      <Inventory registry={doc} recordId="rec-1" canEdit={false} me="tok-c" now={() => TODAY} />,
    );
    const disclosure = row(view, 'Art. 50(3)');
    expect((disclosure.querySelector('select') as HTMLSelectElement).value).toBe('in-progress');
    expect(disclosure.querySelector('textarea')?.value).toBe('Sign at the door');
    expect(disclosure.querySelector('button')).toBeNull();
    cleanup();
    const minimal = await render(
      <Inventory registry={registry({})} recordId="rec-1" canEdit me="tok" now={() => TODAY} />,
    );
    expect(minimal.querySelector('.duty-tracker')).toBeNull();
  });
});

describe('the tracker is exported with the register', () => {
  it('as a CSV with one row per duty of each tracked system', async () => {
    const doc = registry({ annexIII: ['employment.recruitment'] });
    saveTrackedDuty(
      doc,
      'rec-1',
      'art-26-9',
      { status: 'done', link: 'https://dpo.example/dpia/7' },
      'lead-1',
      TODAY,
    );
    const files: { name: string; text: string }[] = [];
    const view = await render(
      <DeviceValuesProvider value={memoryDeviceValues()}>
        <InventoryList
          registry={doc}
          canEdit
          me="tok"
          now={() => TODAY}
          workspace="Acme"
          saveFile={(file) => files.push(file)}
        />
      </DeviceValuesProvider>,
    );
    await click(button(view, 'Export EU AI Act duties'));
    expect(files).toHaveLength(1);
    expect(files[0]!.name).toBe('Acme-eu-ai-act-duties-2026-12-07.csv');
    const lines = files[0]!.text
      .replace(/^\ufeff/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toMatch(
      /^system,system_id,citation,duty,binds,applies_from,applies_now,status/,
    );
    expect(lines).toHaveLength(1 + 13);
    expect(lines.find((l) => l.includes('Art. 26(9)'))).toMatch(
      /,2027-12-02,no,done,,,https:\/\/dpo\.example\/dpia\/7,/,
    );
  });
});
