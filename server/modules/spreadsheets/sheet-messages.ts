import type { Language } from '../../../common/domain/enums.ts';
import type { SheetProblem } from './sheet-files.ts';

// What the import tells its user, in the user's language: the file as a whole (4xx answers) and
// each mistake by row and column.

export type CellProblem =
  | { kind: 'date'; value: string }
  | { kind: 'number'; value: string }
  | { kind: 'boolean'; value: string }
  | { kind: 'enum'; value: string; allowed: string }
  | { kind: 'formula' }
  | { kind: 'id'; value: string }
  | { kind: 'not_found'; value: string }
  | { kind: 'ambiguous'; value: string }
  | { kind: 'required' }
  | { kind: 'empty' }
  | { kind: 'too_long'; max: number }
  | { kind: 'too_small'; min: number }
  | { kind: 'too_big'; max: number }
  | { kind: 'format'; value: string }
  | { kind: 'before'; other: string }
  | { kind: 'unknown_column' }
  | { kind: 'duplicate_id'; firstRow: number }
  | { kind: 'not_changeable' }
  | { kind: 'position'; value: string }
  | { kind: 'missing_reference' }
  | { kind: 'conflict' }
  | { kind: 'refused'; detail: string };

const cellMessages: Record<Language, (problem: CellProblem) => string> = {
  vi: (p) => {
    switch (p.kind) {
      case 'date':
        return `${p.value} không phải là ngày hợp lệ`;
      case 'number':
        return `${p.value} không phải là số`;
      case 'boolean':
        return `${p.value} không phải là Có hoặc Không`;
      case 'enum':
        return `${p.value} không phải giá trị được phép (${p.allowed})`;
      case 'formula':
        return 'ô chứa công thức; hãy dán giá trị thay cho công thức';
      case 'id':
        return `${p.value} không phải là mã bản ghi hợp lệ`;
      case 'not_found':
        return `không tìm thấy “${p.value}”`;
      case 'ambiguous':
        return `có nhiều bản ghi tên “${p.value}”; hãy ghi mã ở cột mã`;
      case 'required':
        return 'không được để trống';
      case 'empty':
        return 'không được để trống';
      case 'too_long':
        return `dài quá ${p.max} ký tự`;
      case 'too_small':
        return `phải từ ${p.min} trở lên`;
      case 'too_big':
        return `phải không quá ${p.max}`;
      case 'format':
        return `${p.value} không đúng định dạng`;
      case 'before':
        return `không được trước ${p.other}`;
      case 'unknown_column':
        return 'cột không có trong mẫu; hãy tải mẫu mới nhất';
      case 'duplicate_id':
        return `mã bản ghi đã có ở dòng ${p.firstRow}`;
      case 'not_changeable':
        return 'không sửa được với bản ghi đã có';
      case 'position':
        return `“${p.value}” cần dạng “Chức danh | Tổ chức | từ ngày | đến ngày”`;
      case 'missing_reference':
        return 'trỏ tới bản ghi không tồn tại';
      case 'conflict':
        return 'bản ghi vừa được người khác sửa; hãy xuất lại và nhập lại';
      case 'refused':
        return `không được chấp nhận (${p.detail})`;
    }
  },
  en: (p) => {
    switch (p.kind) {
      case 'date':
        return `${p.value} is not a valid date`;
      case 'number':
        return `${p.value} is not a number`;
      case 'boolean':
        return `${p.value} is not Yes or No`;
      case 'enum':
        return `${p.value} is not an allowed value (${p.allowed})`;
      case 'formula':
        return 'the cell holds a formula; paste its value instead';
      case 'id':
        return `${p.value} is not a valid record id`;
      case 'not_found':
        return `“${p.value}” was not found`;
      case 'ambiguous':
        return `several records are named “${p.value}”; give the id in the id column`;
      case 'required':
      case 'empty':
        return 'must not be empty';
      case 'too_long':
        return `is longer than ${p.max} characters`;
      case 'too_small':
        return `must be at least ${p.min}`;
      case 'too_big':
        return `must be at most ${p.max}`;
      case 'format':
        return `${p.value} has the wrong format`;
      case 'before':
        return `must not be before ${p.other}`;
      case 'unknown_column':
        return 'this column is not in the template; download the latest template';
      case 'duplicate_id':
        return `the record id already appears on row ${p.firstRow}`;
      case 'not_changeable':
        return 'cannot be changed on an existing record';
      case 'position':
        return `“${p.value}” must read “Title | Organisation | from | to”`;
      case 'missing_reference':
        return 'points at a record that does not exist';
      case 'conflict':
        return 'the record was just changed by someone else; export and import again';
      case 'refused':
        return `was refused (${p.detail})`;
    }
  },
};

/** "Dòng 14, cột Ngày ký: 31/02/2024 không phải là ngày hợp lệ". */
export function describeCellProblem(
  language: Language,
  row: number,
  column: string,
  problem: CellProblem,
): string {
  const reason = cellMessages[language](problem);
  if (language === 'vi') return column ? `Dòng ${row}, cột ${column}: ${reason}` : `Dòng ${row}: ${reason}`;
  return column ? `Row ${row}, column ${column}: ${reason}` : `Row ${row}: ${reason}`;
}

const fileMessages: Record<Language, (problem: SheetProblem | { kind: 'no_file' }) => string> = {
  vi: (p) => {
    switch (p.kind) {
      case 'file_type':
        return 'Tệp phải là bảng tính Excel (.xlsx) hoặc CSV (.csv).';
      case 'damaged':
        return 'Không đọc được tệp: tệp .xlsx bị hỏng hoặc không phải bảng tính.';
      case 'encoding':
        return 'Tệp CSV không ở bảng mã UTF-8. Trong Excel, hãy lưu bằng “CSV UTF-8 (Comma delimited)”.';
      case 'too_large':
        return 'Tệp quá lớn để nhập một lần; hãy chia thành nhiều tệp.';
      case 'too_many_rows':
        return `Tệp có quá ${p.max} dòng; hãy chia thành nhiều tệp.`;
      case 'too_many_columns':
        return `Tệp có quá ${p.max} cột; hãy dùng mẫu tải về.`;
      case 'empty':
        return 'Tệp trống: dòng đầu tiên phải là tên các cột như trong mẫu.';
      case 'no_file':
        return 'Chưa có tệp: hãy gửi tệp trong trường “file”.';
    }
  },
  en: (p) => {
    switch (p.kind) {
      case 'file_type':
        return 'The file must be an Excel workbook (.xlsx) or CSV (.csv).';
      case 'damaged':
        return 'The file cannot be read: the .xlsx is damaged or not a workbook.';
      case 'encoding':
        return 'The CSV file is not UTF-8. In Excel, save it as “CSV UTF-8 (Comma delimited)”.';
      case 'too_large':
        return 'The file is too large to import at once; split it into several files.';
      case 'too_many_rows':
        return `The file has more than ${p.max} rows; split it into several files.`;
      case 'too_many_columns':
        return `The file has more than ${p.max} columns; use the downloaded template.`;
      case 'empty':
        return 'The file is empty: its first row must name the columns as the template does.';
      case 'no_file':
        return 'No file: send it in a field named “file”.';
    }
  },
};

export function describeFileProblem(language: Language, problem: SheetProblem | { kind: 'no_file' }) {
  return fileMessages[language](problem);
}

export function exportTooLarge(language: Language, total: number, max: number): string {
  return language === 'vi'
    ? `Danh sách có ${total} bản ghi, quá ${max} bản ghi một tệp xuất được; hãy lọc bớt.`
    : `The list holds ${total} records, more than the ${max} one export file takes; narrow the filters.`;
}
