import { mkdirSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type * as Y from 'yjs';
import { formatDocumentName, isValidSegment } from '../../shared/documents/names.ts';
import { readAssessmentIndex, readRegistry } from '../../shared/documents/registry/index.ts';
import {
  ALL_PARTS,
  EXPORT_FORMATS,
  EXPORT_PARTS,
  PART_FORMATS,
  exportPart,
  type ExportFormat,
  type ExportPart,
  type ExportedFile,
} from '../../shared/exports/index.ts';
import type { CliIo } from './run-cli.ts';
import { storageOptions } from './cli-storage.ts';
import { openStoredDocuments } from './stored-documents.ts';
import { UsageError } from './usage-error.ts';

/**
 * `sightline export --data DIR --workspace W --what register|risks|soa|assessments|erm|iso27001|monitoring|aims|suppliers|incidents|all
 *  [--format csv|json|md|html] --out DIR [--by NAME]`: writes the workspace's exports as files,
 * made by the shared export code the PWA uses, and prints their paths. For `all`, each part is
 * written in --format when it has that format, else in its default one.
 */
export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      ...storageOptions,
      workspace: { type: 'string' },
      what: { type: 'string', default: 'all' },
      format: { type: 'string' },
      out: { type: 'string' },
      by: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  });
  if (!isValidSegment(values.workspace)) {
    throw new UsageError('--workspace is required: 1–64 lower-case letters, digits, - or _');
  }
  const what = values.what;
  if (what !== 'all' && !EXPORT_PARTS.includes(what as ExportPart)) {
    throw new UsageError(
      `--what must be ${EXPORT_PARTS.join(', ')} or all, not ${JSON.stringify(what)}`,
    );
  }
  const format = values.format;
  if (format !== undefined && !EXPORT_FORMATS.includes(format as ExportFormat)) {
    throw new UsageError(
      `--format must be ${EXPORT_FORMATS.join(', ')}, not ${JSON.stringify(format)}`,
    );
  }
  if (
    what !== 'all' &&
    format !== undefined &&
    !PART_FORMATS[what as ExportPart].includes(format as ExportFormat)
  ) {
    throw new UsageError(
      `--what ${what} exports as ${PART_FORMATS[what as ExportPart].join(', ')}, not ${format}`,
    );
  }
  if (!values.out) throw new UsageError('--out DIR is required: the folder the files go to');
  const by = values.by ?? `${commandLineUser()} (command line)`;
  if (by.length > 200) throw new UsageError('--by is at most 200 characters');

  const workspace = values.workspace!;
  const stored = await openStoredDocuments(resolve(values.data), values.database, workspace);
  let files: ExportedFile[];
  try {
    if (!stored.hasWorkspace(workspace)) {
      throw new UsageError(`the data folder holds no workspace ${JSON.stringify(workspace)}`);
    }
    const registry = stored.document(workspace, 'registry');
    const assessments = new Map<string, Y.Doc>();
    const parts = what === 'all' ? ALL_PARTS : [what as ExportPart];
    if (parts.includes('assessments')) {
      for (const entry of readAssessmentIndex(registry).assessments) {
        assessments.set(
          entry.id,
          stored.load(formatDocumentName({ workspace, kind: 'assessment', id: entry.id })),
        );
      }
    }
    const monitoring = new Map<string, Y.Doc>();
    if (parts.includes('monitoring')) {
      for (const id of readRegistry(registry).records.keys()) {
        if (!isValidSegment(id)) continue;
        monitoring.set(id, stored.load(formatDocumentName({ workspace, kind: 'monitoring', id })));
      }
    }
    const docs = {
      workspace,
      registry,
      policy: stored.document(workspace, 'policy'),
      assessments,
      monitoring,
    };
    const who = { by, at: Date.now() };
    files = parts.flatMap((part) => {
      const formats = PART_FORMATS[part];
      const chosen =
        format !== undefined && formats.includes(format as ExportFormat)
          ? (format as ExportFormat)
          : formats[0]!;
      return exportPart(docs, part, chosen, who);
    });
  } finally {
    stored.close();
  }
  // Everything is made before anything is written: a failure leaves the folder as it was.
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  for (const file of files) {
    const path = join(out, file.name);
    writeFileSync(path, file.text);
    io.out(path);
  }
  if (files.length === 0) io.err('sightline: nothing to export');
  return 0;
}

function commandLineUser(): string {
  try {
    return userInfo().username || 'someone';
  } catch {
    return 'someone';
  }
}
