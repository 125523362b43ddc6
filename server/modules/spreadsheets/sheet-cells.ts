import {
  booleanLabels,
  type CellValue,
  type Column,
  dayOfDate,
  enumLabel,
  formatPosition,
  listSeparator,
  type PositionCell,
  parseBoolean,
  parseDayText,
  parseEnum,
  type RefTarget,
  splitList,
} from '../../../common/columns/columns.ts';
import type { Language } from '../../../common/domain/enums.ts';
import type { ReadCell, WrittenCell } from './sheet-files.ts';
import type { CellProblem } from './sheet-messages.ts';

// One column's value as file cells and back. A reference column takes two cells: names, then ids.

export type NameOf = (target: RefTarget, id: string) => string;

const vietNamOffsetMs = 7 * 3600 * 1000;

function dayAsDate(day: string): Date {
  return new Date(`${day.slice(0, 10)}T00:00:00Z`);
}

/** The cells a value fills: XLSX keeps dates and numbers typed, CSV writes everything as text. */
export function toCells(
  column: Column<unknown>,
  value: CellValue,
  language: Language,
  nameOf: NameOf,
  isTyped: boolean,
): WrittenCell[] {
  const type = column.type;
  const isEmpty = value === null || value === undefined || value === '';
  switch (type.kind) {
    case 'ref': {
      const ids = isEmpty ? [] : type.isMany ? (value as readonly string[]) : [value as string];
      return [ids.map((id) => nameOf(type.target, id)).join(listSeparator), ids.join(listSeparator)];
    }
    case 'date':
      if (isEmpty) return [null];
      return [isTyped ? dayAsDate(value as string) : (value as string)];
    case 'datetime': {
      if (isEmpty) return [null];
      // Spreadsheets have no time zones: the cell shows Viet Nam's wall time.
      return [isTyped ? new Date(new Date(value as string).getTime() + vietNamOffsetMs) : (value as string)];
    }
    case 'number':
      if (isEmpty) return [null];
      return [isTyped ? (value as number) : String(value)];
    case 'boolean':
      return [isEmpty ? null : booleanLabels[language][value ? 'true' : 'false']];
    case 'enum':
      return [isEmpty ? null : enumLabel(type.group, value as string, language)];
    case 'lines':
      return [(value as readonly string[] | null)?.join('\n') || null];
    case 'positions':
      return [
        ((value as readonly PositionCell[] | null) ?? [])
          .map((position) =>
            formatPosition(
              position,
              position.organisationId ? nameOf('organisations', position.organisationId) : '',
            ),
          )
          .join('\n') || null,
      ];
    default:
      return [isEmpty ? null : String(value)];
  }
}

export type ParsedCell = { value: unknown } | { problem: CellProblem };

/** What a cell shows, as text, for messages. */
export function cellText(cell: ReadCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return dayOfDate(cell) ?? String(cell);
  if (typeof cell === 'object') return `=${cell.formula}`;
  return String(cell).trim();
}

/** Excel counts days from 1899-12-30; a date cell a program wrote without its format reads as
 * that number. */
function excelSerialDay(serial: number): string | null {
  if (!Number.isInteger(serial) || serial < 1 || serial > 2_958_465) return null;
  return dayOfDate(new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000));
}

/** A cell read back as the contract's value; empty cells are null (the service decides what
 * empty means for the field). References come back as the names or ids written. */
export function parseCell(column: Column<unknown>, cell: ReadCell): ParsedCell {
  if (cell !== null && typeof cell === 'object' && !(cell instanceof Date))
    return { problem: { kind: 'formula' } };
  const text = cellText(cell);
  if (text === '') return { value: null };
  const type = column.type;
  switch (type.kind) {
    case 'date': {
      const day =
        cell instanceof Date
          ? dayOfDate(cell)
          : typeof cell === 'number'
            ? excelSerialDay(cell)
            : parseDayText(text);
      return day ? { value: day } : { problem: { kind: 'date', value: text } };
    }
    case 'number': {
      const number = typeof cell === 'number' ? cell : Number(text.replace(/\s/g, ''));
      return Number.isFinite(number) && /^-?[\d\s.]+$/.test(String(cell))
        ? { value: number }
        : { problem: { kind: 'number', value: text } };
    }
    case 'boolean': {
      const flag = typeof cell === 'boolean' ? cell : parseBoolean(text);
      return flag === null ? { problem: { kind: 'boolean', value: text } } : { value: flag };
    }
    case 'enum': {
      const value = parseEnum(type.group, type.values, text);
      if (value) return { value };
      const allowed = type.values.map((v) => enumLabel(type.group, v, 'vi')).join(', ');
      return { problem: { kind: 'enum', value: text, allowed } };
    }
    case 'lines':
      return {
        value: text
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean),
      };
    case 'ref':
      return { value: splitList(text) };
    case 'positions':
      return {
        value: text
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter(Boolean),
      };
    default:
      return { value: typeof cell === 'string' ? cell.trim() : text };
  }
}
