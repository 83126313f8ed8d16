import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import type { Sighting } from '../../shared/documents/report/schema.ts';
import { persistedNames } from '../../shared/storage/persisted-names.ts';
import {
  sightingFromNavigation,
  sightingFromRequest,
  sightingsFromExtensions,
} from '../detection/index.ts';
import { testMatcher } from '../detection/test-matcher.ts';
import { dexieLocalLog, type DexieLocalLog } from './dexie-local-log.ts';
import type { LocalLog } from './local-log.ts';
import { memoryLocalLog } from './memory-local-log.ts';

/**
 * What the device keeps must hold no more than what detection lets out: hostnames. Sightings are
 * made the real way, from URLs full of secrets, and every dump of the log is searched for them.
 */

const T = Date.UTC(2026, 10, 25, 12);
const SECRETS = [
  'xyzzyuser',
  'xyzzypass',
  'xyzzypath',
  'xyzzyquery',
  'xyzzyfrag',
  'xyzzytitle',
  ':8443',
  '?',
  '#',
  '@',
  '%',
];
const PAGES = [
  'https://xyzzyuser:xyzzypass@chatgpt.com:8443/c/xyzzypath?q=my+xyzzyquery#xyzzyfrag',
  'https://claude.ai/chat/xyzzypath?xyzzyquery=1#xyzzyfrag',
  'https://gemini.google.com/app/xyzzypath?hl=en&q=xyzzyquery',
  'https://api.openai.com/v1/files/xyzzypath?purpose=xyzzyquery',
];
const CALLS = [
  'https://api.openai.com/v1/chat/completions?key=xyzzyquery#xyzzyfrag',
  'wss://api.openai.com/v1/realtime?model=x&session=xyzzyquery',
  'https://generativelanguage.googleapis.com/v1beta/models/gemini:generateContent?key=xyzzyquery',
  'https://api.anthropic.com/v1/messages/xyzzypath',
];
const INITIATOR =
  'https://xyzzyuser:xyzzypass@crm.example.com:8443/accounts/xyzzypath?id=xyzzyquery#xyzzyfrag';

function detectedSightings(): Sighting[] {
  const matcher = testMatcher();
  const found: Sighting[] = [];
  PAGES.forEach((url, i) => {
    const details = { url, frameId: 0, timeStamp: T + i + 0.25, title: 'xyzzytitle' };
    const sighting = sightingFromNavigation(details, matcher);
    if (sighting) found.push(sighting);
  });
  CALLS.forEach((url, i) => {
    const details = {
      url,
      initiator: INITIATOR,
      type: 'xmlhttprequest',
      timeStamp: T + 10 + i,
      tabId: 4,
    };
    const sighting = sightingFromRequest(details, matcher);
    if (sighting) found.push(sighting);
  });
  const extensions = [
    {
      id: 'kbfnbcaeplbcioakkpcpgfkobkghlhen',
      name: 'Grammarly',
      description: 'xyzzypath',
      enabled: true,
    },
    {
      id: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaap',
      name: 'ChatGPT Writer',
      description: 'Reads xyzzyquery',
      enabled: true,
    },
  ];
  found.push(
    ...sightingsFromExtensions(extensions, matcher, 'pppppppppppppppppppppppppppppppp', T + 20).map(
      (e) => e.sighting,
    ),
  );
  return found;
}

function expectNoSecrets(dump: unknown): void {
  const json = JSON.stringify(dump);
  for (const secret of SECRETS) expect(json, `the dump contains ${secret}`).not.toContain(secret);
}

const opened: DexieLocalLog[] = [];
afterEach(async () => {
  for (const log of opened.splice(0)) {
    log.close();
    await Dexie.delete(log.databaseName);
  }
});

describe.each([
  ['memory', (): LocalLog => memoryLocalLog()],
  [
    'dexie',
    (): LocalLog => {
      const log = dexieLocalLog({ databaseName: 'local-log-privacy' });
      opened.push(log);
      return log;
    },
  ],
])('%s local log: full dumps hold hostnames only', (_name, make) => {
  it('after sightings from secret-laden URLs', async () => {
    const sightings = detectedSightings();
    // Every event was recognised, so the dump below is not vacuously clean.
    expect(sightings).toHaveLength(PAGES.length + CALLS.length + 2);
    const log = make();
    await log.add(sightings);
    await log.markSynced([1, 2], T + 30);
    const dump = await log.exportAll();
    expect(dump).toHaveLength(sightings.length);
    expectNoSecrets(dump);
    expectNoSecrets(await log.entries());
    expectNoSecrets(await log.pending(100));
    expect(new Set(dump.flatMap((s) => [s.host, s.embeddedIn]).filter(Boolean))).toEqual(
      new Set([
        'chatgpt.com',
        'claude.ai',
        'gemini.google.com',
        'api.openai.com',
        'generativelanguage.googleapis.com',
        'api.anthropic.com',
        'crm.example.com',
      ]),
    );
  });
});

it('the IndexedDB rows themselves hold hostnames only', async () => {
  const log = dexieLocalLog({ databaseName: 'local-log-privacy-raw' });
  opened.push(log);
  await log.add(detectedSightings());
  // Read the database without the log's code: what is really on disk.
  const raw = new Dexie('local-log-privacy-raw');
  await raw.open();
  const rows = await raw.table(persistedNames.extensionTables.sightings).toArray();
  raw.close();
  expect(rows.length).toBeGreaterThan(0);
  expectNoSecrets(rows);
  for (const row of rows) {
    expect(
      Object.keys(row).every((key) =>
        [
          'id',
          'toolKey',
          'name',
          'category',
          'host',
          'signal',
          'embeddedIn',
          'at',
          'synced',
          'syncedAt',
        ].includes(key),
      ),
    ).toBe(true);
  }
});
