import type { OwnControl } from '../documents/registry/index.ts';
import { IMPLEMENTATION_LABELS } from '../exports/words.ts';
import { iso27001Item } from '../iso27001/iso27001.ts';
import { markdownCell } from './escape.ts';

/**
 * The organisation's own controls (SOA1) in the SoA exports, after Annex A: in the CSV as rows
 * of the same columns (clause group "Own control"), in the Markdown as a section of its own.
 */

const LIST = '; ';
const iso = (time: number) => (time > 0 ? new Date(time).toISOString() : '');
const implementation = (c: OwnControl) =>
  c.applicable ? IMPLEMENTATION_LABELS[c.implementation] : 'Not applicable';
const origin = (c: OwnControl) => {
  const item = c.iso27001 ? iso27001Item(c.iso27001) : undefined;
  const parts = [c.source, item ? `ISO/IEC 27001:2022 ${item.id} ${item.title}` : undefined];
  return parts.filter(Boolean).join(', ');
};

/** CSV rows in SOA_COLUMNS order (systems and risks empty: own controls name none). */
export function ownControlCsvRows(controls: readonly OwnControl[], stamp: string[]): string[][] {
  return controls.map((c) => [
    c.ref,
    c.title,
    `Own control${origin(c) ? ` (${origin(c)})` : ''}`,
    c.applicable ? 'Yes' : 'No',
    c.justification,
    implementation(c),
    c.owner ?? '',
    c.evidence.join(LIST),
    '',
    '',
    '',
    iso(c.updatedAt),
    c.updatedBy,
    ...stamp,
  ]);
}

/** The Markdown section; nothing when there are none. */
export function ownControlMarkdown(controls: readonly OwnControl[]): string[] {
  if (controls.length === 0) return [];
  const lines = [
    '',
    '## The organisation’s own controls',
    '',
    '| Control | Source | Applicable | Implementation | Owner | Justification | Evidence |',
    '|---|---|---|---|---|---|---|',
  ];
  for (const c of controls) {
    const cells = [
      markdownCell(`${c.ref} ${c.title}`),
      markdownCell(origin(c)),
      c.applicable ? 'Yes' : 'No',
      implementation(c),
      markdownCell(c.owner ?? ''),
      markdownCell(c.justification),
      c.evidence.map(markdownCell).join(', '),
    ];
    lines.push(`| ${cells.join(' | ')} |`);
  }
  return lines;
}
