import { ESLint } from 'eslint';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

/** Lints source text as if it were the file at `path`, returning the rule ids it breaks. */
async function ruleIds(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, path) });
  return (result?.messages ?? []).map((message) => message.ruleId ?? message.message);
}

describe('architecture boundaries enforced by lint', () => {
  it.each([
    ['shared/x.ts', "import { App } from '../pwa/src/app/App.tsx';\nexport const a = App;\n"],
    [
      'shared/catalog/x.ts',
      "import { startServer } from '../../server/http/server.ts';\nexport const a = startServer;\n",
    ],
    ['shared/x.ts', "import { browser } from 'wxt/browser';\nexport const a = browser;\n"],
    ['shared/x.ts', "import Dexie from 'dexie';\nexport const a = Dexie;\n"],
    ['shared/x.ts', "import { useState } from 'react';\nexport const a = useState;\n"],
    ['shared/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"],
    ['extension/x.ts', "import { App } from '../pwa/src/app/App.tsx';\nexport const a = App;\n"],
    [
      'pwa/src/x.ts',
      "import { Popup } from '../../extension/popup/Popup.tsx';\nexport const a = Popup;\n",
    ],
    [
      'server/x.ts',
      "import { Popup } from '../extension/popup/Popup.tsx';\nexport const a = Popup;\n",
    ],
    ['server/x.ts', "import { App } from '../pwa/src/app/App.tsx';\nexport const a = App;\n"],
  ])('%s may not import that: %j', async (path, code) => {
    expect(await ruleIds(path, code)).toContain('no-restricted-imports');
  });

  it.each([
    ['shared/x.ts', 'export const w = window.location.href;\n'],
    ['shared/x.ts', 'export const d = document.title;\n'],
    ['shared/x.ts', "export const s = localStorage.getItem('k');\n"],
    ['shared/x.ts', 'export const c = chrome.runtime.id;\n'],
    ['shared/x.ts', 'export const p = process.env.X;\n'],
  ])('shared/ may not touch a browser or Node global: %j', async (path, code) => {
    expect(await ruleIds(path, code)).toContain('no-restricted-globals');
  });

  it.each([
    [
      'server/x.ts',
      "import { parseDocumentName } from '../shared/documents/names.ts';\nexport const a = parseDocumentName;\n",
    ],
    [
      'pwa/src/x.ts',
      "import { parseDocumentName } from '../../shared/documents/names.ts';\nexport const a = parseDocumentName;\n",
    ],
    [
      'extension/x.ts',
      "import { parseDocumentName } from '../shared/documents/names.ts';\nexport const a = parseDocumentName;\n",
    ],
    ['shared/x.ts', "import * as Y from 'yjs';\nexport const a = Y.Doc;\n"],
  ])('%s may import shared/ and pure libraries: %j', async (path, code) => {
    expect(await ruleIds(path, code)).toEqual([]);
  });
});
