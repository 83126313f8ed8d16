/**
 * CSV as RFC 4180 writes it, made safe to open in a spreadsheet: a cell that begins with
 * = + - @ tab or carriage return is read as a formula by Excel, LibreOffice and Sheets, so it is
 * prefixed with an apostrophe (OWASP's advice against CSV injection).
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/** One cell: neutralised if it could run as a formula, quoted if it holds , " CR or LF. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A whole file: one line per row, CRLF after every line (RFC 4180 §2). */
export function csvDocument(rows: readonly (readonly string[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
