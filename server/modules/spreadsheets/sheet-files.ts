import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { measureZipInflation } from '../../extraction/zip-inflation.ts';

// Spreadsheet files as a table of cells, in and out: XLSX through exceljs, CSV by RFC 4180
// (UTF-8 with a byte order mark, so Excel reads Vietnamese letters right). Nothing here knows
// records; the service turns records into rows and rows back into input.

/** A cell as written: dates are calendar days (or Viet Nam wall times) at UTC. */
export type WrittenCell = string | number | Date | null;
export type CellFormat = 'date' | 'datetime' | null;

/** A cell as read: what the file holds, formulas marked so they are never trusted. */
export type ReadCell = string | number | boolean | Date | { formula: string } | null;

export type SheetRow = { row: number; cells: ReadCell[] };
export type SheetTable = { headers: string[]; rows: SheetRow[] };

export type SheetProblem =
  | { kind: 'file_type' }
  | { kind: 'damaged' }
  | { kind: 'encoding' }
  | { kind: 'too_large' }
  | { kind: 'too_many_rows'; max: number }
  | { kind: 'too_many_columns'; max: number }
  | { kind: 'empty' };

export class SheetError extends Error {
  constructor(readonly problem: SheetProblem) {
    super(problem.kind);
  }
}

export const sheetLimits = {
  /** Rows of data one import reads. */
  rowsMax: 10_000,
  columnsMax: 100,
  /** What an XLSX may inflate to before exceljs sees it (a zip bomb costs at most this). */
  inflatedBytesMax: 64 * 1024 * 1024,
};

const dateFormats = { date: 'yyyy-mm-dd', datetime: 'yyyy-mm-dd hh:mm' } as const;

export async function writeXlsx(sheet: {
  name: string;
  headers: string[];
  formats: CellFormat[];
  rows: WrittenCell[][];
}): Promise<Buffer> {
  // The streaming writer: rows are serialised as they are added, several times faster than the
  // in-memory workbook, which builds an object per cell first.
  const chunks: Buffer[] = [];
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  workbook.creator = 'hoptac';
  const worksheet = workbook.addWorksheet(sheet.name.slice(0, 31), {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  worksheet.columns = sheet.headers.map((header, index) => {
    const format = sheet.formats[index];
    return {
      header,
      width: format ? 14 : Math.min(60, Math.max(12, header.length + 2)),
      ...(format ? { style: { numFmt: dateFormats[format] } } : {}),
    };
  });
  const headerRow = worksheet.getRow(1);
  headerRow.font = { bold: true };
  headerRow.commit();
  for (const row of sheet.rows) worksheet.addRow(row).commit();
  worksheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** Excel and LibreOffice would run a cell starting with these as a formula (CSV injection). */
const formulaStart = /^[=+\-@\t\r]/;

function quoteCsv(value: string): string {
  const safe = formulaStart.test(value) ? `'${value}` : value;
  return /[",\r\n;]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function writeCsv(headers: string[], rows: string[][]): Buffer {
  const lines = [headers, ...rows].map((row) => row.map(quoteCsv).join(','));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

export type SheetKind = 'xlsx' | 'csv';

const zipMagic = [0x50, 0x4b, 0x03, 0x04];

/** XLSX by its zip signature, CSV by its name; anything else is refused. */
export function detectSheetKind(bytes: Uint8Array, filename: string): SheetKind {
  if (zipMagic.every((byte, index) => bytes[index] === byte)) return 'xlsx';
  if (/\.(csv|txt)$/i.test(filename)) return 'csv';
  throw new SheetError({ kind: 'file_type' });
}

export async function readSheet(bytes: Uint8Array, kind: SheetKind): Promise<SheetTable> {
  const table = kind === 'xlsx' ? await readXlsx(bytes) : readCsv(bytes);
  if (table.headers.every((header) => header === '')) throw new SheetError({ kind: 'empty' });
  return table;
}

function checkShape(rowCount: number, columnCount: number) {
  if (rowCount - 1 > sheetLimits.rowsMax)
    throw new SheetError({ kind: 'too_many_rows', max: sheetLimits.rowsMax });
  if (columnCount > sheetLimits.columnsMax)
    throw new SheetError({ kind: 'too_many_columns', max: sheetLimits.columnsMax });
}

function toReadCell(value: ExcelJS.CellValue): ReadCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('formula' in value || 'sharedFormula' in value)
    return { formula: String((value as { formula?: string }).formula ?? '') };
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('hyperlink' in value) return String(value.text ?? value.hyperlink);
  if ('error' in value) return String(value.error);
  return null;
}

async function readXlsx(bytes: Uint8Array): Promise<SheetTable> {
  const inflation = measureZipInflation(bytes, sheetLimits.inflatedBytesMax);
  if (inflation.kind === 'too_large') throw new SheetError({ kind: 'too_large' });
  if (inflation.kind === 'damaged') throw new SheetError({ kind: 'damaged' });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    throw new SheetError({ kind: 'damaged' });
  }
  const worksheet = workbook.worksheets[0];
  if (!worksheet) throw new SheetError({ kind: 'empty' });
  checkShape(worksheet.actualRowCount, worksheet.actualColumnCount);
  const width = worksheet.columnCount;
  const headers: string[] = [];
  const rows: SheetRow[] = [];
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells = Array.from({ length: width }, (_, index) => toReadCell(row.getCell(index + 1).value));
    if (rowNumber === 1) {
      for (const cell of cells) headers.push(cell === null ? '' : String(cell).trim());
    } else if (cells.some((cell) => cell !== null && cell !== '')) {
      rows.push({ row: rowNumber, cells });
    }
  });
  return { headers, rows };
}

function decodeUtf8(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new SheetError({ kind: 'encoding' });
  }
}

/** Comma, or semicolon where the header line has more of those (Excel in some locales). */
function pickDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const count = (char: string) => firstLine.split(char).length;
  return count(';') > count(',') ? ';' : ',';
}

/** RFC 4180 records; a quote opens a quoted field only at the start of one. */
function parseCsv(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let isQuoted = false;
  let at = 0;
  while (at < text.length) {
    const char = text[at]!;
    if (isQuoted) {
      if (char === '"' && text[at + 1] === '"') {
        field += '"';
        at += 2;
        continue;
      }
      if (char === '"') isQuoted = false;
      else field += char;
      at += 1;
      continue;
    }
    if (char === '"' && field === '') isQuoted = true;
    else if (char === delimiter) {
      record.push(field);
      field = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[at + 1] === '\n') at += 1;
      record.push(field);
      records.push(record);
      if (records.length > sheetLimits.rowsMax + 1)
        throw new SheetError({ kind: 'too_many_rows', max: sheetLimits.rowsMax });
      record = [];
      field = '';
    } else field += char;
    at += 1;
  }
  if (field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

/** Undoes the export's guard against CSV injection: `'=…` was written for a text starting `=`. */
function unguard(value: string): string {
  return value.startsWith("'") && formulaStart.test(value.slice(1)) ? value.slice(1) : value;
}

function readCsv(bytes: Uint8Array): SheetTable {
  const text = decodeUtf8(bytes).replace(/^\uFEFF/, '');
  if (text.includes('\u0000')) throw new SheetError({ kind: 'encoding' });
  const records = parseCsv(text, pickDelimiter(text));
  const [header, ...data] = records;
  if (!header) throw new SheetError({ kind: 'empty' });
  checkShape(records.length, Math.max(...records.map((record) => record.length)));
  return {
    headers: header.map((cell) => cell.trim()),
    rows: data
      .map((cells, index) => ({
        row: index + 2,
        cells: cells.map((cell) => (cell === '' ? null : unguard(cell))),
      }))
      .filter((row) => row.cells.some((cell) => cell !== null && String(cell).trim() !== '')),
  };
}
