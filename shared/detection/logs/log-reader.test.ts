import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, LOG_FIXTURES } from '../../../test/fixtures/logs/expected.ts';
import { hostOf } from './host-value.ts';
import {
  detectFormat,
  INPUT_FORMATS,
  LogFormatError,
  logReader,
  MAX_LINE,
  verdictMessage,
} from './log-reader.ts';
import { windowsDnsName } from './dns-logs.ts';

/** Reads text in pieces of `size` characters (splitting lines anywhere); hosts in order. */
function read(text: string, { size = 7, format }: { size?: number; format?: string } = {}) {
  const hosts: { host: string; value: string; line: number; time?: number }[] = [];
  const reader = logReader({
    format,
    onHost: (host, value, line, time) =>
      hosts.push(time === undefined ? { host, value, line } : { host, value, line, time }),
  });
  for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size));
  return { ...reader.finish(), hosts };
}

const fixture = (name: string) => readFileSync(fixturePath(name), 'utf8');

describe('reading every sample log (test/fixtures/logs)', () => {
  for (const [name, expected] of Object.entries(LOG_FIXTURES)) {
    it(`${name}: read as ${expected.format}, ${expected.verdict}`, () => {
      const result = read(fixture(name));
      expect(result.format.id).toBe(expected.format);
      expect(result.verdict.kind).toBe(expected.verdict);
      expect(result.counts).toMatchObject({
        records: expected.records,
        unreadable: expected.unreadable,
      });
      // However the file is cut into pieces, the answer is the same.
      for (const size of [1, 64, 1 << 20]) {
        const again = read(fixture(name), { size });
        expect(again.counts).toEqual(result.counts);
        expect(again.hosts).toEqual(result.hosts);
      }
    });
  }

  it('reads the hostname as each log writes it: upper case, trailing dot, punycode, ports', () => {
    expect(read(fixture('windows-dns-debug.log')).hosts.map((h) => h.host)).toEqual([
      'chatgpt.com',
      'claude.ai',
      'api.openai.com',
    ]);
    expect(read(fixture('squid-native.log')).hosts.map((h) => [h.host, h.value])).toContainEqual([
      'api.openai.com',
      'API.OPENAI.COM:443',
    ]);
    expect(read(fixture('umbrella-dns.csv')).hosts.map((h) => h.host)).toContain(
      'xn--bcher-kva.example',
    );
    expect(read(fixture('hosts.txt')).hosts.map((h) => h.host)).toEqual([
      'chatgpt.com',
      'claude.ai',
      'gemini.google.com',
      'api.openai.com',
      'xn--bcher-kva.example',
      'xn--bcher-kva.example',
      'www.example.com',
      'perplexity.ai',
    ]);
  });

  it('keeps the time when the log has one, with its zone', () => {
    const [first] = read(fixture('nginx-forward-proxy.log')).hosts;
    expect(first).toMatchObject({ host: 'claude.ai', time: Date.UTC(2026, 11, 7, 9, 0, 0) });
    expect(read(fixture('squid-native.log')).hosts[1]).toMatchObject({
      host: 'chatgpt.com',
      time: 1_765_101_601_456,
    });
    expect(read(fixture('route53-resolver.json')).hosts[0]?.time).toBe(
      Date.UTC(2026, 11, 7, 10, 0, 0),
    );
  });

  it('counts a DNS query once, not its forwarding, answer or cache lines', () => {
    expect(read(fixture('pihole.log')).hosts.filter((h) => h.host === 'chatgpt.com')).toHaveLength(
      1,
    );
    const eve = read(fixture('suricata-eve.json')).hosts.map((h) => h.host);
    expect(eve.filter((h) => h === 'chatgpt.com')).toHaveLength(1);
    // The alert repeats the HTTP record's host: counted once.
    expect(eve.filter((h) => h === 'perplexity.ai')).toHaveLength(1);
  });

  it('chooses the CSV column of hosts, never one of numbers', () => {
    expect(read(fixture('paloalto-url-export.csv')).hosts.map((h) => h.value)).toEqual([
      'chatgpt.com/',
      'gemini.google.com/app',
      'www.example.com/',
    ]);
    expect(read(fixture('proxy-export.csv')).hosts.map((h) => h.host)).toEqual([
      'chatgpt.com',
      'www.example.com',
      'gemini.google.com',
    ]);
  });
});

describe('never a false all-clear', () => {
  it('says a file that is mostly unreadable cannot be trusted, naming the format assumed', () => {
    const result = read(fixture('not-a-log.txt'));
    expect(result.verdict).toEqual({ kind: 'unreadable' });
    expect(verdictMessage(result)).toBe(
      'Sightline read this file as hostnames or URLs, one per line, the format its first lines look most like. 5 of its 5 lines could not be read, so finding nothing in it would not mean that no AI tools were used.',
    );
  });

  it('says so when a log of another format is read as the one chosen', () => {
    const result = read(fixture('squid-native.log'), { format: 'bind' });
    expect(result.verdict.kind).toBe('unreadable');
    expect(verdictMessage(result)).toMatch(/as a BIND 9 query log, the format chosen\. 9 of its 9/);
    expect(read(fixture('pihole.log'), { format: 'squid' }).verdict.kind).toBe('unreadable');
  });

  it('says exactly why a log that names no hosts by design gives none', () => {
    expect(verdictMessage(read(fixture('paloalto-traffic.log')))).toMatch(
      /None of its 6 lines names a host: Palo Alto TRAFFIC logs record addresses, ports and applications, not hostnames/,
    );
    expect(verdictMessage(read(fixture('entra-signins.json')))).toMatch(
      /None of its 2 records names a host: Microsoft Entra sign-in logs record which application/,
    );
    expect(verdictMessage(read(fixture('apache-origin.log')))).toMatch(
      /web server's own access log, not a proxy's/,
    );
    expect(verdictMessage(read('ip,port,bytes\n10.0.0.1,443,1\n10.0.0.2,80,2\n'))).toMatch(
      /its columns hold addresses \(ip\) but no hostname, domain or URL/,
    );
  });

  it('says an empty file has nothing to scan', () => {
    expect(read('').verdict).toEqual({ kind: 'empty' });
    expect(read('\n\n# only a comment\n').verdict).toEqual({ kind: 'empty' });
  });

  it('refuses binary data, and names an archive that must be extracted first', () => {
    expect(() => read('\u0000\u0001binary')).toThrow(LogFormatError);
    expect(() => read('PK\u0003\u0004\u0014\u0000\u0008\u0000dns.csv')).toThrow(
      'not a text log: it is a ZIP archive; extract the log from it first',
    );
    expect(() => logReader({ format: 'nope', onHost: () => {} })).toThrow(/unknown input format/);
  });
});

describe('long lines and JSON documents', () => {
  it('counts a line of megabytes as one unreadable line without keeping it', () => {
    const result = read(`chatgpt.com\n${'x'.repeat(MAX_LINE * 3)}\nclaude.ai\n`, { size: 10_000 });
    expect(result.counts).toMatchObject({ lines: 3, records: 3, unreadable: 1, hosts: 2 });
  });

  it('reads a JSON array on one line, however long, one record at a time', () => {
    const records = Array.from({ length: 5000 }, (_, i) =>
      JSON.stringify({ query_name: i % 2 ? 'chatgpt.com.' : `host${i}.example`, rcode: 'NOERROR' }),
    );
    const result = read(`[${records.join(',')}]`, { size: 4096 });
    expect(result.format.id).toBe('json');
    expect(result.unit).toBe('records');
    expect(result.counts).toMatchObject({ records: 5000, hosts: 5000, unreadable: 0 });
    expect(result.hosts.filter((h) => h.host === 'chatgpt.com')).toHaveLength(2500);
  });

  it('counts a JSON record cut off at the end of the file as unreadable', () => {
    const result = read('[{"query_name":"claude.ai"},\n{"query_name":"chat');
    expect(result.counts).toMatchObject({ records: 2, hosts: 1, unreadable: 1 });
  });
});

describe('format detection', () => {
  it('reads Squid lines forwarded through syslog', () => {
    const line =
      'Dec  7 10:00:01 proxy squid[812]: 1765101601.456  30512 192.168.1.21 TCP_TUNNEL/200 48211 CONNECT chatgpt.com:443 alice HIER_DIRECT/104.18.32.47 -';
    const result = read(`${line}\n${line}\n`);
    expect(result.format.id).toBe('squid');
    expect(result.hosts.map((h) => h.host)).toEqual(['chatgpt.com', 'chatgpt.com']);
  });

  it('skips blank lines in every format', () => {
    for (const name of ['bind-queries.log', 'pihole.log', 'umbrella-dns.csv', 'paloalto-url.log']) {
      const spaced = fixture(name).replaceAll('\n', '\n\n \r\n');
      expect([name, read(spaced).counts.unreadable]).toEqual([
        name,
        LOG_FIXTURES[name]!.unreadable,
      ]);
    }
  });

  it('skips blank lines and comments around a CSV header and between its rows', () => {
    const result = read('\n# export\nhost,user\n\nchatgpt.com,ann\n\n\nclaude.ai,bob\n\n');
    expect(result.counts).toMatchObject({ records: 2, hosts: 2, unreadable: 0 });
  });

  it('reads a CSV record whose quoted field holds line breaks, and counts one never closed', () => {
    const csv =
      'Timestamp,RemoteUrl,Note\n1,chatgpt.com,"two\nlines"\n2,claude.ai,one\n3,gemini.google.com,"open\n';
    const result = read(csv);
    expect(result.hosts.map((h) => h.host)).toEqual(['chatgpt.com', 'claude.ai']);
    expect(result.counts).toMatchObject({ records: 3, unreadable: 1 });
  });

  it('knows a host column by any of its usual spellings', () => {
    for (const header of ['Host Name', 'host_name', 'Destination Host', 'Request URL', 'SNI']) {
      const result = read(`Time,${header},User\n2026-12-07T10:00:00Z,chatgpt.com,ann\n`);
      expect([header, result.hosts.map((h) => [h.host, h.time])]).toEqual([
        header,
        [['chatgpt.com', Date.UTC(2026, 11, 7, 10)]],
      ]);
    }
  });

  it('detects from content, not from a comma in the first line', () => {
    const combined =
      '10.0.0.5 - - [07/Dec/2026:10:00:00 +0100] "CONNECT claude.ai:443 HTTP/1.1" 200 5 "-" "Mozilla/5.0 (X11; Linux x86_64), like Gecko"';
    expect(detectFormat([combined]).id).toBe('access-log');
    expect(detectFormat(['chatgpt.com', 'claude.ai']).id).toBe('hosts');
    expect(detectFormat(['timestamp,hostname', '1,chatgpt.com']).id).toBe('csv');
  });

  it('offers every format by name, and auto', () => {
    expect(INPUT_FORMATS).toEqual([
      'auto',
      'entra-signins',
      'json',
      'zeek',
      'w3c',
      'windows-dns',
      'bind',
      'dnsmasq',
      'squid',
      'access-log',
      'paloalto',
      'key-value',
      'umbrella',
      'csv',
      'hosts',
    ]);
  });
});

describe('hostnames as logs write them', () => {
  it('reads hosts, URLs and host:port; IP addresses are not hosts; junk is neither', () => {
    expect(hostOf('CHATGPT.COM.')).toBe('chatgpt.com');
    expect(hostOf('https://Claude.AI:8443/chat?q=1')).toBe('claude.ai');
    expect(hostOf('api.openai.com:443')).toBe('api.openai.com');
    expect(hostOf('bücher.example')).toBe('xn--bcher-kva.example');
    expect(hostOf('10.0.0.1')).toBeNull();
    expect(hostOf('[2001:db8::1]:443')).toBeNull();
    expect(hostOf('not a host')).toBeUndefined();
    expect(hostOf('localhost')).toBeUndefined();
  });

  it('reads the Windows DNS debug log wire form', () => {
    expect(windowsDnsName('(7)chatgpt(3)com(0)')).toBe('chatgpt.com');
    expect(windowsDnsName('(3)API(6)OPENAI(3)COM(0)')).toBe('API.OPENAI.COM');
  });
});
