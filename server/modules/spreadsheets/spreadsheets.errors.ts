import { defineError } from '../../http/errors.ts';
import type { SheetProblem } from './sheet-files.ts';

export const spreadsheetErrors = {
  tooLarge: defineError('export.too_large', 422, 'Danh sách quá lớn để xuất; hãy lọc bớt.'),
  notImportable: defineError('import.not_importable', 404, 'Danh sách này không nhập từ tệp được.'),
};

/** A file the import cannot read at all: the status says why, the detail says it to the user. */
export const fileErrors: Record<SheetProblem['kind'] | 'no_file', ReturnType<typeof defineError>> = {
  file_type: defineError('import.file_type', 415, 'Loại tệp không được hỗ trợ; hãy dùng XLSX hoặc CSV.'),
  damaged: defineError('import.damaged', 422, 'Tệp bị hỏng, không đọc được.'),
  encoding: defineError('import.encoding', 422, 'Tệp CSV không ở bảng mã UTF-8.'),
  too_large: defineError('import.too_large', 413, 'Tệp quá lớn.'),
  too_many_rows: defineError('import.too_many_rows', 413, 'Tệp có quá nhiều dòng.'),
  too_many_columns: defineError('import.too_many_columns', 413, 'Tệp có quá nhiều cột.'),
  empty: defineError('import.empty', 422, 'Tệp không có dòng dữ liệu nào.'),
  no_file: defineError('import.no_file', 400, 'Chưa gửi tệp nào.'),
};
