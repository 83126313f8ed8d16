import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturePath, LOG_FIXTURES } from '../../test/fixtures/logs/expected.ts';
import { jsonl, scan } from '../../test/helpers/scan-cli.ts';
import { tempDir } from '../../test/helpers/temp-dir.ts';

const dir = tempDir();
afterAll(() => dir.remove());

function file(name: string, content: string | Buffer): string {
  const path = join(dir.path, name);
  writeFileSync(path, content);
  return path;
}

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
    expect(stderr).toMatch(
      /scanned 9 lines \(input format hosts: hostnames or URLs, one per line\): 3 matched, 3 tools found, 1 line could not be read/,
    );
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
    expect(csv.stderr).toMatch(/2 of its 2 lines could not be read/);
  });

  it('rejects an unknown format, input format or missing file argument as a usage error', () => {
    expect(scan(['x.txt', '--input-format', 'xml'])).toMatchObject({ code: 2, stdout: '' });
    expect(scan(['x.txt', '--input-format', 'xml']).stderr).toMatch(
      /--input-format must be one of auto, entra-signins, json, zeek/,
    );
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

describe('sightline scan reads every sample log (test/fixtures/logs)', () => {
  for (const [name, expected] of Object.entries(LOG_FIXTURES)) {
    it(`${name}: ${expected.format}, ${expected.verdict}`, () => {
      const { code, stdout, stderr } = scan([fixturePath(name)]);
      expect(stderr).toContain(`(input format ${expected.format}: `);
      expect(stderr).toMatch(
        new RegExp(`, ${expected.unreadable} (lines?|records?) could not be read`),
      );
      const tools = [...new Set(jsonl(stdout).map((r) => r.toolId as string))].sort();
      expect(tools).toEqual(expected.tools);
      if (expected.verdict === 'ok') expect(code).toBe(0);
      else {
        // Never a false all-clear: a non-zero exit, the format assumed, and how to choose another.
        expect(code).toBe(1);
        expect(stderr).toMatch(
          /Sightline read this file as .*, the format its first lines look most like\./,
        );
        expect(stderr).toMatch(
          /Choose its format with --input-format NAME, one of: entra-signins, json/,
        );
      }
    });
  }

  it('reads a gzipped log, by its content, from a file or standard input', () => {
    const gz = gzipSync(readFileSync(fixturePath('squid-native.log')));
    const fromFile = scan([file('access.log.gz', gz)]);
    expect(fromFile.code).toBe(0);
    expect(fromFile.stderr).toContain('(input format squid: ');
    expect(jsonl(fromFile.stdout).map((r) => r.host)).toEqual([
      'chatgpt.com',
      'api.openai.com',
      'claude.ai',
      'gemini.google.com',
    ]);
    expect(scan(['-'], gz).stdout).toBe(fromFile.stdout);
    const broken = scan([file('broken.gz', gz.subarray(0, gz.length / 2))]);
    expect(broken.code).toBe(1);
    expect(broken.stderr).toMatch(/broken\.gz: unexpected end of file/);
  });

  it('reads a UTF-16 export (as PowerShell writes it) by its byte-order mark', () => {
    const text = '\uFEFF' + readFileSync(fixturePath('defender-devicenetworkevents.csv'), 'utf8');
    const { code, stdout, stderr } = scan([file('defender.csv', Buffer.from(text, 'utf16le'))]);
    expect(code).toBe(0);
    expect(stderr).toContain('(input format csv: ');
    expect(jsonl(stdout).map((r) => r.host)).toEqual([
      'chatgpt.com',
      'claude.ai',
      'api.openai.com',
    ]);
  });

  it('reads a log as the format chosen, and says when it cannot be that format', () => {
    const forced = scan([fixturePath('squid-native.log'), '--input-format', 'bind']);
    expect(forced.code).toBe(1);
    expect(forced.stdout).toBe('');
    expect(forced.stderr).toMatch(
      /squid-native\.log: Sightline read this file as a BIND 9 query log, the format chosen\. 9 of its 9 lines could not be read/,
    );
    const right = scan([fixturePath('squid-native.log'), '--input-format', 'squid']);
    expect(right.code).toBe(0);
  });

  it('prints no table of tools for a log it could not read', () => {
    const { code, stdout } = scan([fixturePath('not-a-log.txt'), '--format', 'table']);
    expect(code).toBe(1);
    expect(stdout).toBe('');
  });
});
