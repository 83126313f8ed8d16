import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ToolEntry } from '../../shared/catalog/schema.ts';
import { isHeldBack } from './held-back.ts';
import { importCatalog, type Provenance } from './import-catalog.ts';
import { categoryOf, parseMarkdownList, parseV2fly } from './parse-sources.ts';
import { graveyardNames, review } from './review.ts';
import { SOURCES } from './sources.ts';

const root = join(import.meta.dirname, '..', '..');
const committed = JSON.parse(
  readFileSync(join(root, 'shared', 'catalog', 'data', 'imported.json'), 'utf8'),
) as ToolEntry[];
const provenance = JSON.parse(
  readFileSync(join(root, 'shared', 'catalog', 'imported-provenance.json'), 'utf8'),
) as Record<string, Provenance>;

describe('the catalog import (docs/catalog.md, "Grown from public sources")', () => {
  it('is reproducible: the committed tools and held-back entries are what the snapshots give', () => {
    const result = importCatalog();
    expect(result.tools).toEqual(committed);
    expect(result.provenance).toEqual(provenance);
    expect(result.heldBack).toEqual(
      JSON.parse(readFileSync(join(root, 'scripts', 'catalog-sources', 'held-back.json'), 'utf8')),
    );
  });

  it('records for every imported tool its source, commit, place in the snapshot and dates', () => {
    const sources = new Map(SOURCES.map((source) => [source.id, source]));
    for (const tool of committed) {
      const from = provenance[tool.id];
      expect(from, tool.id).toBeDefined();
      const source = sources.get(from!.source)!;
      expect(from).toMatchObject({ repository: source.repository, commit: source.commit });
      expect(from!.ref).toMatch(/:\d+$|^v2fly\//);
      expect(from!.retrieved).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(Object.keys(provenance).length).toBe(committed.length);
  });

  it('uses only sources whose licence allows it', () => {
    for (const source of SOURCES) expect(['MIT', 'CC0-1.0']).toContain(source.licence);
  });

  it('holds back the same fixed-seed fifth of every source on every run', () => {
    const keys = Array.from({ length: 10_000 }, (_, i) => `host${i}.example`);
    const held = keys.filter((key) => isHeldBack('a-source', key));
    expect(held.length / keys.length).toBeGreaterThan(0.18);
    expect(held.length / keys.length).toBeLessThan(0.22);
    expect(keys.filter((key) => isHeldBack('a-source', key))).toEqual(held);
  });
});

describe('reading the sources', () => {
  it('reads the links of an awesome list under their headings', () => {
    const text = [
      '## Writing assistants',
      '- [Jasper](https://www.jasper.ai/?ref=list) - Writes.',
      '* [🔥] [Otter](https://otter.ai/en) - Notes.',
      'Some prose with a [link](https://example.com).',
    ].join('\n');
    expect(parseMarkdownList(text, 'list.md')).toEqual([
      expect.objectContaining({
        name: 'Jasper',
        hosts: ['jasper.ai'],
        section: 'Writing assistants',
        ref: 'list.md:2',
      }),
      expect.objectContaining({ name: 'Otter', hosts: ['otter.ai'], ref: 'list.md:3' }),
    ]);
    expect(categoryOf('Writing assistants')).toBe('writing');
    expect(categoryOf('Meeting assistants')).toBe('meeting-notes');
  });

  it('reads a v2fly list: included vendor files, heading groups, single lines; never trackers or regexps', () => {
    const files: Record<string, string> = {
      acme: 'acme.ai\nfull:cdn.acme-static.com\nfull:browser-intake-datadoghq.com @ads\nregexp:^x$\n',
    };
    const entries = parseV2fly(
      'include:acme\n\n# Cohere\ncohere.ai\ncohere.com\n\nmistral.ai\nlmstudio.ai\n',
      'category-ai',
      (name) => files[name],
    );
    expect(entries.map((e) => [e.name, e.hosts])).toEqual([
      ['acme', ['acme.ai', 'cdn.acme-static.com']],
      ['Cohere', ['cohere.ai', 'cohere.com']],
      ['mistral.ai', ['mistral.ai']],
      ['lmstudio.ai', ['lmstudio.ai']],
    ]);
  });
});

describe('the review', () => {
  const entry = (url: string, section = 'Tools', name = 'A tool') => ({
    key: url,
    name,
    hosts: [new URL(url).hostname.replace(/^www\./, '')],
    url,
    section,
    ref: 'x:1',
  });
  const graveyard = graveyardNames('- **Gone AI** — shut down.\n');

  it('keeps a tool’s own site', () => {
    expect(review(entry('https://www.jasper.ai/'), new Set())).toEqual({
      keep: true,
      hosts: ['jasper.ai'],
    });
  });

  it.each([
    ['https://github.com/acme/tool', 'Tools', 'A tool', /general platform/],
    ['https://www.someco.example/en-us/ai/solutions/', 'Tools', 'A tool', /page on a wider site/],
    ['https://www.adobe.com/', 'Tools', 'A tool', /never matches by itself/],
    ['https://monday.com/', 'Tools', 'A tool', /reviewed out/],
    ['https://gone.example/', 'Tools', 'Gone AI', /discontinued/],
    [
      'https://course.example/',
      'Courses and Educational Materials',
      'A course',
      /not a list of tools/,
    ],
  ])('leaves out %s, saying why', (url, section, name, why) => {
    const verdict = review(entry(url, section, name), graveyard);
    expect(verdict.keep).toBe(false);
    if (!verdict.keep) expect(verdict.why).toMatch(why);
  });
});
