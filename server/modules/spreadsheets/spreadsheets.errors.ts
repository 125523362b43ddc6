import { defineError } from '../../http/errors.ts';
import type { SheetProblem } from './sheet-files.ts';

export const spreadsheetErrors = {
  tooLarge: defineError('export.too_large', 422),
  notImportable: defineError('import.not_importable', 404),
};

/** A file the import cannot read at all: the status says why, the detail says it to the user. */
export const fileErrors: Record<SheetProblem['kind'] | 'no_file', ReturnType<typeof defineError>> = {
  file_type: defineError('import.file_type', 415),
  damaged: defineError('import.damaged', 422),
  encoding: defineError('import.encoding', 422),
  too_large: defineError('import.too_large', 413),
  too_many_rows: defineError('import.too_many_rows', 413),
  too_many_columns: defineError('import.too_many_columns', 413),
  empty: defineError('import.empty', 422),
  no_file: defineError('import.no_file', 400),
};
