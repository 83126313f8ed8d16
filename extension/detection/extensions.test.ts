import { describe, expect, it } from 'vitest';
import { cleanName, sightingsFromExtensions, type InstalledExtension } from './extensions.ts';
import { ACME_TOOL, testMatcher } from './test-matcher.ts';

const AT = 1_764_000_000_000;
const SELF = 'kkkkkkkkkkkkkkkkkkkkkkkkkkkkkkkk';

/** A made-up Chrome extension id (32 letters a–p) that no catalog entry has. */
function fakeId(seed: number): string {
  const hex = seed.toString(16).padStart(32, '0');
  return hex.replace(/[0-9a-f]/g, (digit) => String.fromCharCode(97 + parseInt(digit, 16)));
}

let seed = 0;
const ext = (name: string, description = '', more: Partial<InstalledExtension> = {}) => ({
  id: fakeId(++seed),
  name,
  description,
  enabled: true,
  type: 'extension',
  ...more,
});
const judge = (list: InstalledExtension[]) =>
  sightingsFromExtensions(list, testMatcher(), SELF, AT);

describe('sightingsFromExtensions: known ids', () => {
  it('takes the catalog tool for a catalogued id, with high confidence', () => {
    const grammarly = 'kbfnbcaeplbcioakkpcpgfkobkghlhen';
    expect(testMatcher().matchExtensionId(grammarly)?.id).toBe('grammarly');
    expect(
      judge([
        { id: grammarly, name: 'Grammarly: AI Writing and Grammar Checker App', enabled: true },
      ]),
    ).toEqual([
      {
        sighting: {
          toolKey: 'grammarly',
          name: 'Grammarly',
          category: 'writing',
          signal: 'extension',
          at: AT,
        },
        confidence: 'high',
        reason: 'known extension id of Grammarly',
        enabled: true,
      },
    ]);
  });

  it('knows ids whatever the name says, and the workspace’s own ids', () => {
    const found = judge([
      { id: 'ofpnmcalabcbjgholdjcjblkibolbppb', name: 'Helper', enabled: true },
      { id: ACME_TOOL.extensionIds[0]!, name: 'Internal', enabled: true },
    ]);
    expect(found.map((f) => [f.sighting.toolKey, f.sighting.category, f.confidence])).toEqual([
      ['monica', 'browser-extension', 'high'],
      ['acme-llm', 'chat-assistant', 'high'],
    ]);
  });
});

describe('sightingsFromExtensions: name and description', () => {
  it.each([
    ['ChatGPT for Google', '', 'ChatGPT'],
    ['NoteGPT: YouTube Summary with ChatGPT & Claude', '', 'ChatGPT'],
    ['GPT-4o Sidebar', '', 'GPT-4o'],
    ['Claude Toolbox', '', 'Claude'],
    ['Gemini for Gmail', '', 'Gemini'],
    ['Copilot Helper for Outlook', '', 'Copilot'],
    ['Local LLM Notes', '', 'LLM'],
    ['Acme AI Assistant', '', 'AI Assistant'],
    ['Wordsmith - AI Writing Tool', '', 'AI Writing'],
    ['Artificial Intelligence Reader', '', 'Artificial Intelligence'],
    ['Chatbot Everywhere', '', 'Chatbot'],
  ])('“%s” has medium confidence', (name, description, term) => {
    const [found, ...rest] = judge([ext(name, description)]);
    expect(rest).toEqual([]);
    expect(found?.confidence).toBe('medium');
    expect(found?.reason).toBe(`name mentions "${term}"`);
    expect(found?.sighting).toMatchObject({
      name,
      category: 'browser-extension',
      signal: 'extension',
      at: AT,
    });
  });

  it('keys an unknown extension as extension:<id>', () => {
    const item = ext('ChatGPT Writer');
    expect(judge([item])[0]?.sighting.toolKey).toBe(`extension:${item.id}`);
  });

  it('backs a weak name with a strong description: medium', () => {
    expect(
      judge([ext('Summarize AI', 'Summaries written by a large language model.')])[0],
    ).toMatchObject({
      confidence: 'medium',
      reason: 'name mentions "AI" and description mentions "large language model"',
    });
    expect(judge([ext('MaxAI Lite', 'Chat with GPT-4 on any page')])[0]).toMatchObject({
      confidence: 'medium',
      reason: 'name mentions "MaxAI" and description mentions "GPT-4"',
    });
  });

  it('gives low confidence to a strong description alone, or a weak name alone', () => {
    expect(judge([ext('Tab Sorter', 'Groups your tabs with GPT-4.')])[0]).toMatchObject({
      confidence: 'low',
      reason: 'description mentions "GPT-4"',
    });
    expect(judge([ext('HARPA AI Lite', 'Automation for the web.')])[0]).toMatchObject({
      confidence: 'low',
      reason: 'name mentions "AI"',
    });
    expect(judge([ext('Notes by Otter.ai', 'Take notes.')])[0]).toMatchObject({
      confidence: 'low',
      reason: 'name mentions "Otter.ai"',
    });
  });

  it.each([
    [
      'uBlock Origin',
      'Finally, an efficient blocker. Easy on CPU and memory.',
      'cjpalhdlnbpafiamejdnhcphjbkeiagm',
    ],
    [
      'LastPass: Free Password Manager',
      'LastPass, an award-winning password manager, saves your passwords.',
      'hdokiejnpimakedhajhdlcegeplioahd',
    ],
    [
      'Google Docs Offline',
      'Edit, create, and view your documents, spreadsheets, and presentations — all without internet access.',
      'ghbmnnjooekpmoecnnnilnnbdlolhkhi',
    ],
    [
      'React Developer Tools',
      'Adds React debugging tools to the Chrome Developer Tools.',
      'fmkadmapgofadopljbjfkapdkoienihi',
    ],
    [
      'Honey: Automatic Coupons & Rewards',
      'Save money with Honey. We find coupon codes and apply them at checkout.',
      'bmnlcjabgnpnenekpadlanbbkooimhnj',
    ],
    [
      'Dark Reader',
      'Dark mode for every website. No AI, no tracking, no ads.',
      'eimadpbcbfnmbkopoojfekhnkhdbieeh',
    ],
    [
      'AdBlock — block ads across the web',
      'Block ads and pop-ups on YouTube, Facebook, Twitch, and your favorite websites.',
      'gighmmpiobklfepjocnamgkkbiglidom',
    ],
  ])('does not report %s', (name, description, id) => {
    expect(judge([{ id, name, description, enabled: true, type: 'extension' }])).toEqual([]);
  });

  it.each([
    ['Aidbox Dev Tools', 'FHIR server helper.'],
    ['Airtable Web Clipper', 'Clip anything into Airtable.'],
    ['Airbnb Price Tracker', 'Watch prices for stays.'],
    ['Said It Before', 'Remembers what you said.'],
    ['Maid of Honour Planner', 'Wedding planning help.'],
    ['First Aid Guide', 'What to do in an emergency.'],
    ['THAI Keyboard', 'Type in Thai.'],
    ['Salva ai preferiti', 'Aggiungi le pagine ai preferiti.'],
    ['Philanthropic Giving Tracker', 'Track donations.'],
    ['Email Tracker', 'Read receipts. Now with AI.'],
  ])('does not report %s', (name, description) => {
    expect(judge([ext(name, description)])).toEqual([]);
  });

  it.each([
    'Hide Google AI Overviews',
    'AI Blocker',
    'Block ChatGPT',
    'Bye Bye, Google AI',
    'No AI Search',
    'Remove the AI from Search',
  ])('does not report “%s”: it keeps AI out', (name) => {
    expect(judge([ext(name, 'Removes AI-generated results from search.')])).toEqual([]);
  });

  it('still reports AI tools whose name only sounds like blocking', () => {
    expect(judge([ext('AI Background Remover')])[0]?.confidence).toBe('low');
    expect(judge([ext('ChatGPT Ad Blocker')])[0]?.confidence).toBe('medium');
  });
});

describe('sightingsFromExtensions: what is skipped and kept', () => {
  it('skips this extension itself and themes', () => {
    expect(judge([ext('Sightline: AI governance', '', { id: SELF })])).toEqual([]);
    expect(judge([ext('ChatGPT Dark Theme', '', { type: 'theme' })])).toEqual([]);
  });

  it('reports disabled extensions, and says so', () => {
    expect(judge([ext('ChatGPT Writer', '', { enabled: false })])[0]).toMatchObject({
      enabled: false,
      confidence: 'medium',
    });
  });

  it('skips ids that are not Chrome Web Store ids (no tool key for them)', () => {
    expect(judge([ext('ChatGPT for Firefox', '', { id: 'chatgpt@example.org' })])).toEqual([]);
  });

  it('names a nameless extension after its id', () => {
    const item = ext('   ', 'Replies with GPT-4.');
    expect(judge([item])[0]?.sighting.name).toBe(`Extension ${item.id}`);
  });

  it('never puts the description into the sighting', () => {
    const [found] = judge([ext('Tab Sorter', 'Uses GPT-4 on DESCRIPTION_SECRET pages')]);
    expect(JSON.stringify(found?.sighting)).not.toContain('DESCRIPTION_SECRET');
  });

  it('refuses a time that is not whole epoch milliseconds', () => {
    expect(() => sightingsFromExtensions([], testMatcher(), SELF, 1.5)).toThrow(RangeError);
    expect(() => sightingsFromExtensions([], testMatcher(), SELF, Number.NaN)).toThrow(RangeError);
  });
});

describe('cleanName', () => {
  it('makes one trimmed line', () => {
    expect(cleanName('  ChatGPT\n\tWriter\u0000 ')).toBe('ChatGPT Writer');
  });

  it('cuts at 100 UTF-16 units without splitting a surrogate pair', () => {
    expect(cleanName('x'.repeat(150))).toHaveLength(100);
    const cut = cleanName(`${'x'.repeat(99)}😀 and more`);
    expect(cut).toBe('x'.repeat(99));
  });
});
