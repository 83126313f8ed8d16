import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseServeArgs } from '../cli/serve-command.ts';
import { tempDir } from '../../test/helpers/temp-dir.ts';

const FROM = ['--smtp-from', 'sightline@example.com'];

describe('serve’s SMTP options (docs/sync.md DIG1)', () => {
  it('DIG1: no SMTP URL, no digests; a URL with --smtp-from gives them, with --public-url for links', () => {
    expect(parseServeArgs([], '/tmp', {}).digests).toBeUndefined();
    const { digests } = parseServeArgs(
      [
        '--smtp-url',
        'smtp://mail.example.com:587',
        ...FROM,
        '--public-url',
        'https://s.example.com/',
      ],
      '/tmp',
      {},
    );
    expect(digests).toEqual({
      smtp: { url: 'smtp://mail.example.com:587', from: 'sightline@example.com' },
      baseUrl: 'https://s.example.com',
    });
  });

  it('DIG1: a password comes from a file or the environment, never the command line', () => {
    const dir = tempDir();
    try {
      writeFileSync(join(dir.path, 'smtp'), 'smtps://u:secret@mail.example.com:465\n');
      expect(
        parseServeArgs(['--smtp-url-file', 'smtp', ...FROM], dir.path, {}).digests?.smtp.url,
      ).toBe('smtps://u:secret@mail.example.com:465');
      expect(
        parseServeArgs(FROM, dir.path, { SIGHTLINE_SMTP_URL: 'smtp://relay.internal:25' }).digests
          ?.smtp.url,
      ).toBe('smtp://relay.internal:25');
      expect(() =>
        parseServeArgs(['--smtp-url', 'smtps://u:secret@mail.example.com', ...FROM], dir.path, {}),
      ).toThrow(/shows its password to everyone/);
      expect(() => parseServeArgs(['--smtp-url-file', 'missing', ...FROM], dir.path, {})).toThrow(
        /--smtp-url-file missing cannot be read/,
      );
    } finally {
      dir.remove();
    }
  });

  it('DIG1: a bad URL or From address, or a From alone, is refused with the reason', () => {
    const parse = (args: string[]) => () => parseServeArgs(args, '/tmp', {});
    expect(parse(['--smtp-url', 'http://mail.example.com', ...FROM])).toThrow(/smtp:\/\/HOST:PORT/);
    expect(parse(['--smtp-url', 'not a url', ...FROM])).toThrow(/smtp:\/\/HOST:PORT/);
    expect(parse(['--smtp-url', 'smtp://mail.example.com'])).toThrow(/--smtp-from/);
    expect(
      parse(['--smtp-url', 'smtp://mail.example.com', '--smtp-from', 'Bob <b@example.com>']),
    ).toThrow(/--smtp-from/);
    expect(parse(FROM)).toThrow(/--smtp-from needs --smtp-url/);
  });
});
