// CI: every installed dependency's licence must be compatible with Sightline's Apache-2.0
// (scripts/licences/licence-policy.ts says which). Exits 1 and names each offender otherwise.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { licenceProblems, lockedPackages } from './licence-policy.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const lock = JSON.parse(readFileSync(`${root}/package-lock.json`, 'utf8'));
const packages = lockedPackages(lock);
const problems = licenceProblems(packages, root);
for (const problem of problems) {
  console.error(`licence: ${problem.name} (${problem.licence}): ${problem.reason}`);
}
console.log(`licences: ${packages.length} packages checked, ${problems.length} not allowed`);
process.exit(problems.length > 0 ? 1 : 0);
