/**
 * A spreadsheet file as rows of text cells: XLSX (read-excel-file, its first sheet) or CSV
 * (papaparse: quotes, CRLF, a `;` or tab delimiter detected). Both libraries are loaded on first
 * use. Throws a RangeError, saying why, for a file that cannot be read; nothing is guessed.
 */

/** Larger than any inventory spreadsheet; a file past it is refused before it is read. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** An XLSX (like any zip) starts with "PK\x03\x04". */
const isZip = (bytes: Uint8Array) =>
  bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/** Dates as the day (or the instant, when it has a time); numbers and booleans as written. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return String(value);
}

async function readXlsx(bytes: Uint8Array): Promise<string[][]> {
  const { readSheet } = await import('read-excel-file/universal');
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  try {
    const rows = await readSheet(buffer as ArrayBuffer);
    return rows.map((row) => row.map(cellText));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    throw new RangeError(`The file is not a readable XLSX workbook: ${why}`, { cause: error });
  }
}

async function readCsv(text: string): Promise<string[][]> {
  const { default: Papa } = await import('papaparse');
  const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), {
    header: false,
    skipEmptyLines: false,
  });
  const quoting = parsed.errors.find((error) => error.type === 'Quotes');
  if (quoting) {
    const where = quoting.row === undefined ? '' : ` (row ${quoting.row + 1})`;
    // Rows after broken quoting cannot be trusted to line up: the file is refused whole.
    throw new RangeError(`The file is not valid CSV${where}: ${quoting.message}.`);
  }
  return parsed.data;
}

/**
 * Reads `bytes` (an .xlsx, else CSV text). `decode` turns bytes into text, throwing for bytes that
 * are not UTF-8 (the caller's TextDecoder: shared/ has none of its own).
 */
export async function readSheet(
  bytes: Uint8Array,
  decode: (bytes: Uint8Array) => string,
): Promise<string[][]> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new RangeError(`The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB.`);
  }
  if (isZip(bytes)) return readXlsx(bytes);
  let text: string;
  try {
    text = decode(bytes);
  } catch {
    throw new RangeError(
      'The file is neither an XLSX workbook nor UTF-8 text (save it as CSV UTF-8).',
    );
  }
  return readCsv(text);
}
