import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { builtExtension } from './extension-bench-helpers.ts';

const BUDGET_CONTENT_SCRIPT_GZIP = 10 * 1024;
const BUDGET_BACKGROUND_GZIP = 150 * 1024;

const gzipped = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;

/** Every relative module a built chunk imports: static `from "…"`, `import "…"` and `import("…")`. */
function importsOf(source: string): string[] {
  const found: string[] = [];
  for (const match of source.matchAll(/(?:\bfrom|\bimport)\s*\(?\s*(["'`])(\.{1,2}\/[^"'`]+)\1/g))
    found.push(match[2]!);
  return found;
}

/** popup.html's module script(s) plus every chunk they import, transitively. */
function popupModules(extensionDir: string): string[] {
  const html = readFileSync(join(extensionDir, 'popup.html'), 'utf8');
  const entries = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)].map((match) =>
    join(extensionDir, match[1]!.replace(/^\//, '')),
  );
  if (entries.length === 0) throw new Error('popup.html has no script');
  const seen = new Set<string>();
  const queue = [...entries];
  while (queue.length > 0) {
    const file = queue.shift()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of importsOf(readFileSync(file, 'utf8')))
      queue.push(resolve(dirname(file), specifier));
  }
  return [...seen];
}

function popupStylesheets(extensionDir: string): string[] {
  const html = readFileSync(join(extensionDir, 'popup.html'), 'utf8');
  return [...html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"[^>]*>/g)].map(
    (match) => join(extensionDir, match[1]!.replace(/^\//, '')),
  );
}

/**
 * What each employee's browser carries: the content script (injected into every catalogued AI
 * page), the background worker (parsed on every wake) and the popup, gzipped at level 9 as a
 * store or CDN would serve them, from a build of the current source. Sizes are deterministic, so
 * the comparison is against the budgets of issue 5 rather than a timed baseline.
 */
export default {
  name: 'extension-size',
  async run() {
    const extension = builtExtension();
    try {
      const dir = extension.path;
      const contentScript = join(dir, 'content-scripts', 'banner.js');
      const background = join(dir, 'background.js');
      const popup = popupModules(dir);
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
        content_scripts?: { matches?: string[] }[];
      };
      const matches = (manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []);
      const contentScriptGzip = gzipped(contentScript);
      const backgroundGzip = gzipped(background);
      return {
        contentScriptGzip,
        budgetContentScriptGzip: BUDGET_CONTENT_SCRIPT_GZIP,
        backgroundGzip,
        budgetBackgroundGzip: BUDGET_BACKGROUND_GZIP,
        popupJsGzip: popup.reduce((sum, file) => sum + gzipped(file), 0),
        popupJsFiles: popup.map((file) => relative(dir, file)),
        popupCssGzip: popupStylesheets(dir).reduce((sum, file) => sum + gzipped(file), 0),
        contentScriptMatches: matches.length,
        contentScriptOnAllUrls: matches.some((m) => m === '<all_urls>' || m.startsWith('*://*/')),
        withinBudget:
          contentScriptGzip <= BUDGET_CONTENT_SCRIPT_GZIP &&
          backgroundGzip <= BUDGET_BACKGROUND_GZIP,
        rawBytes: {
          contentScript: readFileSync(contentScript).length,
          background: readFileSync(background).length,
          popupJs: popup.reduce((sum, file) => sum + readFileSync(file).length, 0),
        },
      };
    } finally {
      extension.remove();
    }
  },
};
