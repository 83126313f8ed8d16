import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../test/helpers/temp-dir.ts';

const cli = join(import.meta.dirname, '..', 'cli.ts');
const dir = tempDir();
afterAll(() => dir.remove());

/** Runs the real command line, as `npm run -s sightline -- scan …` does. */
function scan(args: string[], stdin?: string) {
  const result = spawnSync(process.execPath, [cli, 'scan', ...args], {
    input: stdin,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function file(name: string, content: string | Buffer): string {
  const path = join(dir.path, name);
  writeFileSync(path, content);
  return path;
}

const jsonl = (stdout: string) =>
  stdout
    .trim()
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('sightline scan', () => {
  it('matches a list of hosts and URLs, one JSON object per matching line', () => {
    const log = file(
      'hosts.txt',
      [
        'chatgpt.com',
        'www.google.com',
        '',
        '# a comment',
        'https://claude.ai/chat/123?q=secret',
        'API.OPENAI.COM:443',
        'not a host at all',
        '10.0.0.1',
        'example.org',
      ].join('\n'),
    );
    const { code, stdout, stderr } = scan([log]);
    expect(code).toBe(0);
    const rows = jsonl(stdout);
    expect(rows.map((r) => r.toolId)).toEqual(['openai-chatgpt', 'anthropic-claude', 'openai-api']);
    expect(rows[0]).toMatchObject({
      input: 'chatgpt.com',
      host: 'chatgpt.com',
      toolName: 'ChatGPT',
      category: 'chat-assistant',
      matchedBy: 'host',
    });
    expect(rows[2]).toMatchObject({ host: 'api.openai.com', matchedBy: 'api-host' });
    expect(stderr).toMatch(/scanned 9 lines: 3 matched, 3 tools found, 1 unreadable/);
  });

  it('reads a CSV export by its host column, whatever its position', () => {
    const log = file(
      'proxy.csv',
      [
        'timestamp,user,hostname,bytes',
        '2026-11-01T10:00:00Z,alice,chatgpt.com,100',
        '2026-11-01T10:00:01Z,bob,"www.bbc.co.uk",200',
        '2026-11-01T10:00:02Z,carol,cdn.oaistatic.com,300',
        'broken',
      ].join('\n'),
    );
    const rows = jsonl(scan([log]).stdout);
    expect(rows.map((r) => [r.host, r.matchedBy])).toEqual([
      ['chatgpt.com', 'host'],
      ['cdn.oaistatic.com', 'subdomain'],
    ]);
  });

  it('reads a CSV with only a url column, and tab-separated exports', () => {
    expect(
      jsonl(
        scan([file('urls.csv', 'url\nhttps://gemini.google.com/app\nhttps://mail.google.com/\n')])
          .stdout,
      ).map((r) => r.host),
    ).toEqual(['gemini.google.com']);
    expect(
      jsonl(
        scan([file('dns.tsv', 'time\tquery\n1\tapi.anthropic.com\n2\tgithub.com\n')]).stdout,
      ).map((r) => r.host),
    ).toEqual(['api.anthropic.com']);
  });

  it('reads standard input with -', () => {
    const { code, stdout } = scan(['-'], 'perplexity.ai\nwikipedia.org\n');
    expect(code).toBe(0);
    expect(jsonl(stdout).map((r) => r.toolId)).toHaveLength(1);
  });

  it('writes CSV with a header, and a table of tools', () => {
    const log = file('mixed.txt', 'chatgpt.com\nchatgpt.com\nab.chatgpt.com\nclaude.ai\n');
    const csv = scan([log, '--format', 'csv']).stdout.trim().split('\n');
    expect(csv[0]).toBe(
      'line,input,host,toolId,toolName,category,matchedBy,matchedHost,match,score,reasons',
    );
    expect(csv).toHaveLength(5);
    const table = scan([log, '--format', 'table']).stdout;
    expect(table).toMatch(/ChatGPT.*chat-assistant.*3/);
    expect(table.indexOf('ChatGPT')).toBeLessThan(table.indexOf('Claude'));
  });

  it('fails clearly, and prints nothing on stdout, for an unreadable file', () => {
    const missing = scan([join(dir.path, 'nope.txt')]);
    expect(missing.code).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toMatch(/cannot read .*nope\.txt: ENOENT/);
    expect(scan([dir.path]).stderr).toMatch(/cannot read/);
  });

  it('fails clearly for a binary file and for a CSV without a host column', () => {
    const binary = scan([
      file('image.bin', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x0a, 0x00])),
    ]);
    expect(binary.code).toBe(1);
    expect(binary.stderr).toMatch(/binary data/);
    const csv = scan([file('people.csv', 'name,email\nalice,a@example.com\n')]);
    expect(csv.code).toBe(1);
    expect(csv.stderr).toMatch(/unknown log format.*no host/);
  });

  it('rejects an unknown format or missing file argument as a usage error', () => {
    expect(scan(['x.txt', '--format', 'xml'])).toMatchObject({ code: 2, stdout: '' });
    expect(scan(['x.txt', '--format', 'xml']).stderr).toMatch(
      /--format must be one of jsonl, csv, table/,
    );
    expect(scan([]).code).toBe(2);
  });

  it('quotes CSV fields a spreadsheet would run as formulas', () => {
    const log = file('formula.csv', 'url\n"https://chatgpt.com/?a=1,b"\n');
    const csv = scan([log, '--format', 'csv']).stdout.trim().split('\n');
    expect(csv[1]).toContain('"https://chatgpt.com/?a=1,b"');
  });
});
