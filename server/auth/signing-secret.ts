import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { persistedNames } from '../../shared/storage/persisted-names.ts';

/**
 * The key that signs every token, made on first run inside the data folder (readable by its owner
 * only) and never logged. Creating it with the `wx` flag means two processes starting at once
 * cannot both write one: the loser reads the winner's.
 */
export function loadSigningSecret(dataDir: string): Uint8Array {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = join(dataDir, persistedNames.relayFiles.signingSecret);
  try {
    writeFileSync(file, randomBytes(32).toString('base64url'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  chmodSync(file, 0o600);
  const secret = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
  if (secret.length < 32)
    throw new Error(
      `the signing secret in ${file} is too short: delete it to make a new one (every token becomes invalid)`,
    );
  return new Uint8Array(secret);
}
