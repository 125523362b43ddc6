import { type EnumLabelGroup, enumLabels } from '../domain/enum-labels.ts';
import type { Language } from '../domain/enums.ts';
import { foldText } from '../domain/text.ts';

// What a collection's columns are, said once: the web list renders them, the XLSX/CSV export
// writes them and the import reads them back. A column names the record field it reads; on
// import the same key is the field of the create/update contract it fills.

/** Collections a reference column can point at; each has a display name. */
export type RefTarget = 'partners' | 'organisations' | 'areas' | 'agreements' | 'events';

/** A person's position as a cell holds it: one line `title | organisation | from | to`. */
export type PositionCell = {
  title: string;
  organisationId: string | null;
  /** As the record names it; on import the organisation is found from this name. */
  organisationName?: string | null;
  startOn: string | null;
  endOn: string | null;
};

export type ColumnType =
  | { kind: 'text' }
  /** Several short texts, one per line (an event's connection points). */
  | { kind: 'lines' }
  /** A calendar day `YYYY-MM-DD`: a real date in XLSX, ISO in CSV. */
  | { kind: 'date' }
  /** An instant, ISO 8601; `mayBeDateOnly` when an unknown time is marked (a source's publication,
   * common/domain/published-time.ts) and the list then shows the date alone. */
  | { kind: 'datetime'; mayBeDateOnly?: true }
  | { kind: 'number' }
  | { kind: 'boolean' }
  | { kind: 'enum'; group: EnumLabelGroup; values: readonly string[] }
  /** Ids of other records; written as their names and, in a second column, their ids. */
  | { kind: 'ref'; target: RefTarget; isMany: boolean }
  | { kind: 'positions' };

export type CellValue = string | number | boolean | null | readonly string[] | readonly PositionCell[];

export type Column<R> = {
  /** The record field read, and on import the contract field written. */
  key: string;
  label: Record<Language, string>;
  type: ColumnType;
  /** How to read the value from a record; the field named by `key` when left out. */
  read?: (record: R, language: Language) => CellValue;
  /** Exported and shown, never imported (computed values such as "overdue"). */
  isReadOnly?: boolean;
  /** Shown in the web list only (a name in the reader's language, built from two fields). */
  isListOnly?: boolean;
  /** Shown in the web list, in this order of the description. */
  list?: {
    sortKey?: string;
    /** The cell links to the record's page. */
    isLink?: boolean;
    /** An enum shown as a badge coloured by its value. */
    isBadge?: boolean;
    /** A warning badge beside the value when the record meets it (overdue). */
    warn?: { when: (record: R) => boolean; label: Record<Language, string> };
    /** The field shown instead when this one is empty (a due day, else a horizon year). */
    orElse?: string;
  };
};

export type CollectionColumns<R> = {
  columns: Column<R>[];
  /** Whether records of this collection can come back through the import. */
  isImportable: boolean;
};

export function readColumn<R>(column: Column<R>, record: R, language: Language): CellValue {
  if (column.read) return column.read(record, language);
  return ((record as Record<string, unknown>)[column.key] ?? null) as CellValue;
}

/** The record's own name in the reader's language, falling back to the other. */
export function pickLanguage(
  language: Language,
  vi: string | null | undefined,
  en: string | null | undefined,
) {
  const [first, second] = language === 'en' ? [en, vi] : [vi, en];
  return first || second || '';
}

const idSuffix: Record<Language, string> = { vi: 'mã', en: 'id' };

/** The headers a column takes in a file: a reference column also gets its ids column. */
export function headersOf(column: Column<unknown>, language: Language): string[] {
  const label = column.label[language];
  return column.type.kind === 'ref' ? [label, `${label} (${idSuffix[language]})`] : [label];
}

/** The columns a file holds: every column but those only the web list shows. */
export function fileColumns<R>(collection: CollectionColumns<R>): Column<R>[] {
  return collection.columns.filter((column) => !column.isListOnly);
}

export function fileHeaders(collection: CollectionColumns<unknown>, language: Language): string[] {
  return fileColumns(collection).flatMap((column) => headersOf(column, language));
}

export const booleanLabels: Record<Language, { true: string; false: string }> = {
  vi: { true: 'Có', false: 'Không' },
  en: { true: 'Yes', false: 'No' },
};

export function enumLabel(group: EnumLabelGroup, value: string, language: Language): string {
  return (enumLabels[language][group] as Record<string, string>)[value] ?? value;
}

/** Separator of several names or ids in one cell; names may hold commas, never semicolons. */
export const listSeparator = '; ';

export function splitList(text: string): string[] {
  return text
    .split(/[;\n]/)
    .map((part) => part.trim())
    .filter(Boolean);
}

/** A position as one line of its cell, organisation by name. */
export function formatPosition(position: PositionCell, organisationName: string): string {
  const parts = [position.title, organisationName, position.startOn ?? '', position.endOn ?? ''];
  while (parts.length > 1 && parts[parts.length - 1] === '') parts.pop();
  return parts.join(' | ');
}

/** Reads an enum cell written as the value, or its label in either language. */
export function parseEnum(group: EnumLabelGroup, values: readonly string[], text: string): string | null {
  const folded = foldText(text);
  for (const value of values) {
    if (value === text.trim()) return value;
    for (const language of ['vi', 'en'] as const) {
      if (foldText(enumLabel(group, value, language)) === folded) return value;
    }
  }
  return null;
}

export function parseBoolean(text: string): boolean | null {
  const folded = foldText(text);
  if (['co', 'yes', 'true', '1', 'x', 'dung'].includes(folded)) return true;
  if (['khong', 'no', 'false', '0', 'sai'].includes(folded)) return false;
  return null;
}

function isRealDay(year: number, month: number, day: number): boolean {
  if (year < 1 || year > 9999) return false;
  const date = new Date(Date.UTC(year, month - 1, day));
  date.setUTCFullYear(year);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

const pad = (value: number, width = 2) => String(value).padStart(width, '0');

/** A date typed as `YYYY-MM-DD` or the Vietnamese `DD/MM/YYYY` (also with `-` or `.`), as ISO;
 * null when it names no real day (31/02/2024). */
export function parseDayText(text: string): string | null {
  const trimmed = text.trim();
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(trimmed);
  let parts: [number, number, number] | null = match
    ? [Number(match[1]), Number(match[2]), Number(match[3])]
    : null;
  if (!parts) {
    match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(trimmed);
    if (match) parts = [Number(match[3]), Number(match[2]), Number(match[1])];
  }
  if (!parts || !isRealDay(...parts)) return null;
  return `${pad(parts[0], 4)}-${pad(parts[1])}-${pad(parts[2])}`;
}

/** A spreadsheet date as the calendar day it shows: cells hold UTC midnight of that day. */
export function dayOfDate(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  const year = date.getUTCFullYear();
  if (year < 1 || year > 9999) return null;
  return `${pad(year, 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
}
