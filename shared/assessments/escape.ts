/**
 * Untrusted text (names, notes, anything a person or a report wrote) made inert for the export
 * formats: it shows as the same characters and never becomes markup, a link or a script.
 */

/** Text for an HTML element or a quoted attribute. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

/**
 * Markdown inline characters that could start emphasis, code, links, images, raw HTML, entities,
 * tables or strike-through: backslash-escaped (CommonMark lets any ASCII punctuation be escaped).
 * With [ ] and < > escaped no link, image or autolink can form, so ( ) and ! stay as they are.
 */
const INLINE = /[\\`*_[\]<>&|~]/g;
/** What makes a line a heading, list item, quote, rule or setext underline when it starts it. */
const LINE_START = /^(\s*)([#>+=-]|\d{1,9}[.)])(?=\s|$|[-=])/;

/** One line of untrusted text as Markdown inline text. */
function escapeLine(line: string): string {
  return line.replace(INLINE, '\\$&').replace(LINE_START, (_, space: string, mark: string) => {
    // `12.` → `12\.`; `-` → `\-`.
    const escaped = /^\d/.test(mark) ? `${mark.slice(0, -1)}\\${mark.slice(-1)}` : `\\${mark}`;
    return space + escaped;
  });
}

/** Untrusted text as Markdown; line breaks in it stay breaks (two spaces then a newline). */
export function escapeMarkdown(text: string): string {
  return text
    .replaceAll('\r', '')
    .split('\n')
    .map((line) => escapeLine(line.trim() === '' ? '' : line))
    .join('  \n');
}

/** Untrusted text for a Markdown table cell: one line, pipes escaped. */
export function markdownCell(text: string): string {
  return escapeLine(text.replace(/[\r\n]+/g, ' ').trim());
}
