import { randomUUID } from 'node:crypto';
import { open, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type * as Y from 'yjs';
import { builtInCatalog } from '../../shared/catalog/catalog.ts';
import { formatDocumentName, isValidSegment } from '../../shared/documents/names.ts';
import { readPolicy } from '../../shared/documents/policy/index.ts';
import { readRegistry } from '../../shared/documents/registry/index.ts';
import {
  MAX_IMPORT_BYTES,
  applyImportPlan,
  importSummary,
  planImport,
  readSavedMapping,
  readSheet,
  savedMapping,
  setUpImport,
  type ImportPlan,
  type ImportSetup,
  type SavedMapping,
} from '../../shared/inventory/import/index.ts';
import { withDataFolderDocuments } from '../storage/data-folder-documents.ts';
import { storageOptions } from './cli-storage.ts';
import type { CliIo } from './run-cli.ts';
import { UsageError } from './usage-error.ts';

class InputError extends Error {}

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);

async function readBytes(path: string, max: number): Promise<Uint8Array> {
  const file = await open(path, 'r');
  try {
    const info = await file.stat();
    if (!info.isFile()) throw new InputError(`${path} is not a file`);
    if (info.size > max) throw new InputError(`${path} is larger than ${max / 1024 / 1024} MB`);
    return new Uint8Array(await file.readFile());
  } finally {
    await file.close();
  }
}

/** The mapping file, when it exists; a file that is not a valid mapping is an error. */
async function readMappingFile(path: string): Promise<SavedMapping | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = await readBytes(path, 1024 * 1024);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(decode(bytes).replace(/^\ufeff/, ''));
  } catch (error) {
    throw new InputError(`${path} is not JSON: ${(error as Error).message}`);
  }
  const { mapping, problems } = readSavedMapping(raw);
  if (!mapping) throw new InputError(`${path} is not a mapping:\n  - ${problems.join('\n  - ')}`);
  return mapping;
}

/** Who the records say made them: the account that ran the command. */
function importer(): string {
  let name = 'unknown';
  try {
    name = userInfo().username || name;
  } catch {
    // No account name (a container's numeric user): "unknown" says so.
  }
  return `${name} (command line)`.slice(0, 200);
}

/**
 * `sightline inventory import FILE --workspace W [--data DIR] [--mapping MAP.json] [--dry-run]`:
 * imports a CSV or XLSX inventory into the workspace's registry in the data folder, through the
 * same document code as the PWA (shared/inventory/import), and prints one JSON object:
 * `{rows, created, updated, skipped: [{row, reason}], mapping: {column: field}, customFields,
 * ignored, updates, warnings}`. Exit 0 when imported (rows may be skipped: each says why); 1 when
 * the file or the mapping cannot be used (nothing written, the problems on stderr); 2 for a usage
 * error. `--dry-run` plans and prints, writing nothing. `--mapping` reads the column and value
 * mapping from MAP.json when it exists, and writes the mapping used there when it does not.
 */
export async function inventoryCommand(args: string[], io: CliIo): Promise<number> {
  const [verb, ...rest] = args;
  if (verb !== 'import') throw new UsageError('inventory takes one verb: import');
  const { values, positionals } = parseArgs({
    args: rest,
    options: {
      workspace: { type: 'string' },
      ...storageOptions,
      mapping: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (positionals.length !== 1)
    throw new UsageError('inventory import needs exactly one file (CSV or XLSX)');
  if (!isValidSegment(values.workspace)) {
    throw new UsageError('--workspace is required: 1–64 lower-case letters, digits, - or _');
  }
  const fail = (message: string) => {
    io.err(`sightline inventory import: ${message}`);
    return 1;
  };
  const file = positionals[0]!;
  const dryRun = values['dry-run'];
  const mappingPath = values.mapping === undefined ? undefined : resolve(values.mapping);

  let setup: ImportSetup;
  let stored: SavedMapping | undefined;
  try {
    stored = mappingPath === undefined ? undefined : await readMappingFile(mappingPath);
    const sheet = await readSheet(await readBytes(file, MAX_IMPORT_BYTES), decode);
    setup = setUpImport(sheet, stored ?? {});
  } catch (error) {
    if (error instanceof InputError || error instanceof RangeError) return fail(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code) return fail(`cannot read ${file}: ${code}`);
    throw error;
  }
  if (setup.problems.length > 0) {
    io.err(`sightline inventory import: the mapping cannot be used; nothing was imported:`);
    for (const problem of setup.problems) io.err(`  - ${problem}`);
    return 1;
  }

  const workspace = values.workspace;
  const registryName = formatDocumentName({ workspace, kind: 'registry' });
  const policyName = formatDocumentName({ workspace, kind: 'policy' });
  const by = importer();
  const plan = (registry: Y.Doc, policy: Y.Doc): ImportPlan =>
    planImport(setup.table, setup.targets, setup.values, {
      existing: readRegistry(registry).records.values(),
      catalog: [...builtInCatalog(), ...readPolicy(policy).tools],
    });

  let planned: ImportPlan | undefined;
  let shared = false;
  try {
    await withDataFolderDocuments(
      resolve(values.data),
      async (documents) => {
        shared = documents.sharedWithAnotherProcess;
        const policy = await documents.read(policyName);
        if (dryRun) {
          planned = plan(await documents.read(registryName), policy);
          return;
        }
        // Planned inside the write, on the registry as it is then: no record appears in between.
        await documents.write(registryName, (registry) => {
          planned = plan(registry, policy);
          applyImportPlan(registry, planned, by, Date.now(), () =>
            randomUUID().replaceAll('-', ''),
          );
        });
      },
      values.database,
    );
  } catch (error) {
    return fail(`nothing was imported: ${(error as Error).message}`);
  }
  if (mappingPath !== undefined && stored === undefined && !dryRun) {
    const used = savedMapping(setup.table.labels, setup.targets, setup.values);
    try {
      // 'wx': a mapping someone wrote meanwhile is theirs, never overwritten.
      await writeFile(mappingPath, JSON.stringify(used, null, 2) + '\n', { flag: 'wx' });
    } catch (error) {
      io.err(
        `sightline inventory import: imported, but the mapping was not saved to ${mappingPath}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    }
  }
  io.out(JSON.stringify({ ...importSummary(setup, planned!), dryRun }));
  if (shared && !dryRun) {
    io.err(
      'sightline inventory import: another process (a relay?) has this data folder open: it keeps serving the registry it has loaded, and shows the imported records once it loads it again (restart it, or wait until no one has the inventory open). Nothing is lost either way (docs/imports.md I5).',
    );
  }
  return 0;
}
