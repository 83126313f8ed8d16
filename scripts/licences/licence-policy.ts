// Which dependency licences Sightline (Apache-2.0) may ship with, and the few packages whose
// package.json does not say their licence truthfully. Reviewed by hand; a change here is a decision.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import satisfies from 'spdx-satisfies';

/** Permissive licences: compatible with distributing Sightline under Apache-2.0. */
export const PERMISSIVE = [
  'MIT',
  // MIT No Attribution: MIT without even the notice requirement (nodemailer, smtp-server).
  'MIT-0',
  'ISC',
  'Apache-2.0',
  'BSD-2-Clause',
  'BSD-3-Clause',
  '0BSD',
  'BlueOak-1.0.0',
  'CC0-1.0',
  'Unlicense',
  'Zlib',
  'Python-2.0',
];

/**
 * Allowed only for development tools that never ship in the extension, the PWA or the relay:
 * MPL-2.0 is file-level copyleft (axe-core, lightningcss — used unmodified at build and test time);
 * CC-BY-4.0 and CC-BY-3.0 are data (caniuse-lite's browser table; the SPDX lists this check reads).
 */
export const DEV_ONLY = ['MPL-2.0', 'CC-BY-4.0', 'CC-BY-3.0'];

/** Packages whose declared licence is wrong, with the evidence the checker re-reads every run. */
export const CORRECTIONS: Record<string, { licence: string; file: string; startsWith: string }> = {
  // A fork of mike-marcacci/node-redlock (MIT); its package.json says UNLICENSED, its LICENSE.md is MIT.
  '@sesamecare-oss/redlock': {
    licence: 'MIT',
    file: 'LICENSE.md',
    startsWith: 'The MIT License (MIT)',
  },
};

export interface LockedPackage {
  name: string;
  path: string;
  licence: string | undefined;
  dev: boolean;
}

export interface LicenceProblem {
  name: string;
  licence: string;
  reason: string;
}

/** The packages of an npm v3 lockfile (`packages`), with the licence each declares. */
export function lockedPackages(lock: {
  packages?: Record<string, { license?: unknown; dev?: boolean }>;
}): LockedPackage[] {
  const result: LockedPackage[] = [];
  for (const [path, entry] of Object.entries(lock.packages ?? {})) {
    if (!path.startsWith('node_modules/') && !path.includes('/node_modules/')) continue;
    const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const licence = typeof entry.license === 'string' ? entry.license : undefined;
    result.push({ name, path, licence, dev: entry.dev === true });
  }
  return result;
}

function allowedBy(licence: string, list: readonly string[]): boolean {
  try {
    return satisfies(licence, list);
  } catch {
    return false; // not a valid SPDX expression: a person must look
  }
}

/** Every package whose licence Sightline may not ship with, and why. */
export function licenceProblems(
  packages: readonly LockedPackage[],
  root: string,
): LicenceProblem[] {
  const problems: LicenceProblem[] = [];
  for (const pkg of packages) {
    let licence = pkg.licence ?? 'none declared';
    const correction = CORRECTIONS[pkg.name];
    if (correction) {
      const file = join(root, pkg.path, correction.file);
      const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
      if (!text.trimStart().startsWith(correction.startsWith)) {
        problems.push({
          name: pkg.name,
          licence,
          reason: `the correction to ${correction.licence} no longer holds: ${correction.file} does not start with "${correction.startsWith}"`,
        });
        continue;
      }
      licence = correction.licence;
    }
    if (allowedBy(licence, PERMISSIVE)) continue;
    if (pkg.dev && allowedBy(licence, [...PERMISSIVE, ...DEV_ONLY])) continue;
    problems.push({
      name: pkg.name,
      licence,
      reason: pkg.dev
        ? 'not a licence allowed for development tools'
        : 'not a permissive licence; shipped code must be compatible with Apache-2.0',
    });
  }
  return problems;
}
