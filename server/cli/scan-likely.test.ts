import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { jsonl, scan } from '../../test/helpers/scan-cli.ts';
import { tempDir } from '../../test/helpers/temp-dir.ts';

const dir = tempDir();
afterAll(() => dir.remove());

const log = (() => {
  const path = join(dir.path, 'hosts.txt');
  // A catalogued tool, two hosts only their names say are AI, and two ordinary sites.
  writeFileSync(
    path,
    [
      'chatgpt.com',
      'app.gptzero-notes.example',
      'cdn.photo-ai.ai',
      'www.bbc.co.uk',
      'dubai.com',
    ].join('\n'),
  );
  return path;
})();

describe('sightline scan: the likely-AI tier (docs/catalog.md)', () => {
  it('marks every line catalog or likely, a likely one with its score and reasons', () => {
    const { code, stdout, stderr } = scan([log]);
    expect(code).toBe(0);
    const rows = jsonl(stdout);
    expect(rows.map((r) => [r.host, r.match])).toEqual([
      ['chatgpt.com', 'catalog'],
      ['app.gptzero-notes.example', 'likely'],
      ['cdn.photo-ai.ai', 'likely'],
    ]);
    expect(rows[0]).not.toHaveProperty('score');
    expect(rows[2]).toMatchObject({
      toolId: 'host:photo-ai.ai',
      toolName: 'photo-ai.ai',
      category: 'other',
      matchedBy: 'likely',
      matchedHost: 'photo-ai.ai',
      score: 0.88,
      reasons: ['its name reads “photo ai” (ai)', 'an .ai domain'],
    });
    expect(stderr).toMatch(/3 matched, 1 tools found, 2 possibly AI \(not in the catalog\)/);
  });

  it('leaves likely hosts out with --catalog-only', () => {
    const { stdout, stderr } = scan([log, '--catalog-only']);
    expect(jsonl(stdout).map((r) => r.host)).toEqual(['chatgpt.com']);
    expect(stderr).toMatch(/1 matched, 1 tools found, 0 lines could not be read/);
  });

  it('shows likely hosts in their own table, and in CSV columns of their own', () => {
    const table = scan([log, '--format', 'table']).stdout;
    const [catalogued, likely] = table.split('Possibly AI — not in the catalog');
    expect(catalogued).toContain('ChatGPT');
    expect(likely).toContain('photo-ai.ai');
    expect(likely).not.toContain('ChatGPT');
    const csv = scan([log, '--format', 'csv']).stdout.trim().split('\n');
    expect(csv[0]!.endsWith(',match,score,reasons')).toBe(true);
    expect(csv[1]!.endsWith(',catalog,,')).toBe(true);
    expect(csv[3]).toContain(',likely,0.88,its name reads “photo ai” (ai); an .ai domain');
  });
});
