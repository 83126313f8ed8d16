import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { licenceProblems, lockedPackages } from './licence-policy.ts';

const lock = (packages: Record<string, { license?: string; dev?: boolean }>) =>
  lockedPackages({ packages: { '': {}, ...packages } });

describe('licence policy', () => {
  const root = mkdtempSync(join(tmpdir(), 'licences-'));

  it('accepts permissive licences and SPDX expressions made of them', () => {
    const packages = lock({
      'node_modules/a': { license: 'MIT' },
      'node_modules/b': { license: '(MIT OR CC0-1.0)' },
      'node_modules/c/node_modules/d': { license: 'MIT AND ISC AND BSD-3-Clause' },
    });
    expect(packages.map((p) => p.name)).toEqual(['a', 'b', 'd']);
    expect(licenceProblems(packages, root)).toEqual([]);
  });

  it('refuses copyleft in shipped code, and MPL-2.0 outside development tools', () => {
    const problems = licenceProblems(
      lock({
        'node_modules/gpl': { license: 'GPL-3.0-only' },
        'node_modules/mpl-dev': { license: 'MPL-2.0', dev: true },
        'node_modules/mpl-prod': { license: 'MPL-2.0' },
        'node_modules/none': {},
        'node_modules/bad': { license: 'SEE LICENSE IN LICENSE' },
      }),
      root,
    );
    expect(problems.map((p) => p.name)).toEqual(['gpl', 'mpl-prod', 'none', 'bad']);
  });

  it('applies a correction only while the licence file still says what the correction claims', () => {
    const dir = join(root, 'node_modules/@sesamecare-oss/redlock');
    mkdirSync(dir, { recursive: true });
    const packages = lock({ 'node_modules/@sesamecare-oss/redlock': { license: 'UNLICENSED' } });
    expect(licenceProblems(packages, root)).toHaveLength(1);
    writeFileSync(join(dir, 'LICENSE.md'), 'The MIT License (MIT)\n\nCopyright (c) 2015');
    expect(licenceProblems(packages, root)).toEqual([]);
  });
});
