import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(import.meta.dirname, '..', '..', '..', 'docs', 'screenshots');

/** Where an end-to-end test saves what a person would see; the README shows these files. */
export function screenshotPath(name: string): string {
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name}.png`);
}
