import type { Block } from '../documents/assessment/index.ts';
import { assessmentHeader, roleWords, type AssessmentExport } from './assessment-export.ts';
import { escapeHtml as h } from './escape.ts';
import { day } from './prefill.ts';

/**
 * The assessment as one self-contained HTML page to print to PDF: no script, no external
 * resource (its Content-Security-Policy forbids both), every piece of text escaped, and a print
 * stylesheet (A4 margins, no page break inside a table row or right after a heading).
 */

const STYLE = `
:root { color-scheme: light; }
body { font: 11pt/1.5 system-ui, sans-serif; color: var(--text, #1f2328); background: var(--bg, #ffffff); max-width: 48rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin-bottom: 0.5rem; }
h2 { font-size: 1.2rem; margin-top: 2rem; border-bottom: 1px solid var(--border, #d0d7de); }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; vertical-align: top; padding: 0.25rem 0.5rem; border: 1px solid var(--border, #d0d7de); }
th { background: var(--surface-2, #f6f8fa); }
.refs, .empty, footer { color: var(--muted, #57606a); font-size: 0.9em; }
.register { border-left: 3px solid #d0d7de; padding-left: 8px; margin: 0.3em 0; }
.status { font-weight: 600; }
blockquote { margin-left: 0; padding-left: 1rem; border-left: 3px solid var(--border, #d0d7de); }
pre { white-space: pre-wrap; background: var(--surface-2, #f6f8fa); padding: 0.5rem; }
p { white-space: pre-line; }
${[2, 3, 4, 5, 6, 7, 8].map((d) => `.depth-${d} { margin-left: ${(d - 1) * 1.5}rem; }`).join('\n')}
@media print {
  @page { size: A4; margin: 18mm 16mm; }
  body { margin: 0; max-width: none; font-size: 10pt; color: #000; background: #fff; }
  h2 { break-after: avoid; }
  tr, blockquote, pre { break-inside: avoid; }
}
`.trim();

function blocksHtml(blocks: readonly Block[]): string {
  const out: string[] = [];
  let open: 'ul' | 'ol' | undefined;
  const close = () => {
    if (open) out.push(`</${open}>`);
    open = undefined;
  };
  for (const block of blocks) {
    const text = h(block.text);
    const list = block.type === 'bullet' ? 'ul' : block.type === 'ordered' ? 'ol' : undefined;
    if (list !== open) close();
    if (list) {
      if (!open) out.push(`<${list}>`);
      open = list;
      const depth = Math.min(8, Math.max(1, block.depth ?? 1));
      out.push(depth > 1 ? `<li class="depth-${depth}">${text}</li>` : `<li>${text}</li>`);
    } else if (block.type === 'heading') {
      const level = Math.min(6, (block.level ?? 1) + 2);
      out.push(`<h${level}>${text}</h${level}>`);
    } else if (block.type === 'quote') out.push(`<blockquote><p>${text}</p></blockquote>`);
    else if (block.type === 'code') out.push(`<pre>${text}</pre>`);
    else out.push(`<p>${text}</p>`);
  }
  close();
  return out.join('\n');
}

export function assessmentHtml(e: AssessmentExport): string {
  const row = (label: string, value: string) =>
    `<tr><th scope="row">${label}</th><td>${value}</td></tr>`;
  const approvals =
    e.approvals.length === 0
      ? '<p class="empty">Not signed off yet.</p>'
      : [
          '<table>',
          '<thead><tr><th scope="col">Version</th><th scope="col">Signed off by</th><th scope="col">Role</th><th scope="col">Date</th></tr></thead>',
          '<tbody>',
          ...e.approvals.map(
            (a) =>
              `<tr><td>${h(a.versionName)}</td><td>${h(a.by)}</td><td>${h(roleWords(a.role))}</td><td>${day(a.at)}</td></tr>`,
          ),
          '</tbody>',
          '</table>',
        ].join('\n');
  const sections = e.sections.map((section, i) =>
    [
      '<section>',
      `<h2>${i + 1}. ${h(section.title)}</h2>`,
      section.references.length > 0
        ? `<p class="refs">References: ${section.references.map(h).join(', ')}</p>`
        : '',
      section.register.length > 0
        ? [
            '<p class="refs">From the register:</p>',
            ...section.register.map((p) => `<p class="register">${h(p)}</p>`),
          ].join('\n')
        : '',
      section.blocks.length > 0
        ? blocksHtml(section.blocks)
        : section.register.length > 0
          ? ''
          : '<p class="empty">Not written.</p>',
      '</section>',
    ]
      .filter(Boolean)
      .join('\n'),
  );
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; form-action 'none'; base-uri 'none'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${h(e.title)} — ${h(e.versionLabel)}</title>`,
    `<style>\n${STYLE}\n</style>`,
    '</head>',
    '<body>',
    '<header>',
    `<h1>${h(e.title)}</h1>`,
    '<table class="meta">',
    ...assessmentHeader(e).map(([label, value]) => row(h(label), h(value))),
    '</table>',
    '</header>',
    '<section>',
    '<h2>Approvals</h2>',
    approvals,
    '</section>',
    ...sections,
    `<footer><p>Exported from Sightline. ${h(e.versionLabel)}, ${day(e.date)}.</p></footer>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
