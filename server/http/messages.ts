// The language a problem+json answer is written in, and the Vietnamese of what the validators
// say. English stays the default (no Accept-Language, or one naming neither language), so a
// client that asks nothing gets the answers it always got; the web app sends its chosen language.
import { type Language, languages } from '../../common/domain/enums.ts';

/** The first of vi/en the header prefers (q-values honoured), or null when it names neither. */
export function pickLanguage(header: string | string[] | undefined): Language | null {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  const ranked = text
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((param) => /^\s*q=([\d.]+)\s*$/.exec(param)?.[1]).find(Boolean);
      return { language: tag.split('-')[0] ?? '', q: q === undefined ? 1 : Number(q), index };
    })
    .filter((entry) => entry.q > 0 && (languages as readonly string[]).includes(entry.language))
    .sort((a, b) => b.q - a.q || a.index - b.index);
  return (ranked[0]?.language as Language | undefined) ?? null;
}

/** The contracts' own English wordings (common/contracts), said in Vietnamese. */
const viWordings: Array<[RegExp, (match: RegExpExecArray) => string]> = [
  [/^is required$/, () => 'bắt buộc nhập'],
  [/^must not be empty$/, () => 'không được để trống'],
  [/^must be at least (\d+) characters$/, (m) => `phải có ít nhất ${m[1]} ký tự`],
  [
    /^must be a date written YYYY-MM-DD, or YYYY-MM$/,
    () => 'phải là ngày dạng YYYY-MM-DD, hoặc tháng YYYY-MM',
  ],
  [/^must be a date written YYYY-MM-DD$/, () => 'phải là ngày dạng YYYY-MM-DD'],
  [/^must be an ISO 8601 timestamp$/, () => 'phải là thời điểm theo ISO 8601'],
  [/^must be a web address \(http or https\)$/, () => 'phải là địa chỉ web (http hoặc https)'],
  [/^must be a record id \(UUID\)$/, () => 'phải là mã bản ghi (UUID)'],
  [/^must be an e-mail address/, () => 'phải là địa chỉ email, ví dụ ten@moh.gov.vn'],
  [/^must be an area id/, () => 'phải là mã lĩnh vực, ví dụ oncology'],
  [
    /^must be an ISO 3166-1 alpha-2 country code/,
    () => 'phải là mã quốc gia ISO 3166-1 hai chữ cái, ví dụ VN',
  ],
  [/^is not an ISO 3166-1 alpha-2 country code$/, () => 'không phải mã quốc gia ISO 3166-1 hai chữ cái'],
  [/^span ends before it starts$/, () => 'đoạn đánh dấu kết thúc trước khi bắt đầu'],
  [/^type something to search for$/, () => 'hãy nhập từ cần tìm'],
  [/^must not be before (\w+)$/, () => 'không được trước ngày bắt đầu'],
  [/^refers to no existing [\w ]+: (.*)$/, (m) => `trỏ tới bản ghi không tồn tại: ${m[1]}`],
  [/^is listed twice$/, () => 'bị liệt kê hai lần'],
  [/^must be a day of (\d{4})$/, (m) => `phải là một ngày của năm ${m[1]}`],
  [/^lists the same person twice$/, () => 'có một người được liệt kê hai lần'],
  [/^must not be the organisation itself$/, () => 'không được là chính tổ chức này'],
  [/^is before the agreement was signed$/, () => 'trước ngày ký thỏa thuận'],
  [/^cannot change from (\w+) to (\w+)$/, (m) => `không thể chuyển từ ${m[1]} sang ${m[2]}`],
  [/^is required for the unit role$/, () => 'bắt buộc với vai trò đơn vị'],
  [/^is one of the most common passwords$/, () => 'là một trong những mật khẩu phổ biến nhất'],
  [/^is wrong$/, () => 'không đúng'],
  [/^must not contain NUL/, () => 'không được chứa ký tự NUL'],
];

/** A Zod issue as the validators hand it over: the code and its parameters. */
export type IssueLike = {
  code?: string;
  message?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  expected?: string;
  values?: unknown[];
  keys?: string[];
  format?: string;
};

const sizeUnits: Record<string, string> = { string: 'ký tự', array: 'mục', set: 'mục', file: 'byte' };

/** The issue's message in Vietnamese: the contract's own wording when it has one, else by code. */
export function sayInVietnamese(issue: IssueLike): string {
  const message = issue.message ?? '';
  for (const [pattern, say] of viWordings) {
    const match = pattern.exec(message);
    if (match) return say(match);
  }
  const unit = sizeUnits[issue.origin ?? ''];
  switch (issue.code) {
    case 'invalid_type':
      return /received undefined/.test(message)
        ? 'bắt buộc nhập'
        : `sai kiểu dữ liệu (cần ${issue.expected})`;
    case 'too_small':
      if (unit === 'ký tự' && Number(issue.minimum) === 1) return 'không được để trống';
      return unit ? `phải có ít nhất ${issue.minimum} ${unit}` : `phải từ ${issue.minimum} trở lên`;
    case 'too_big':
      return unit ? `không được quá ${issue.maximum} ${unit}` : `không được lớn hơn ${issue.maximum}`;
    case 'invalid_value':
      return `phải là một trong: ${(issue.values ?? []).map(String).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'email' ? 'không phải địa chỉ email hợp lệ' : 'sai định dạng';
    case 'unrecognized_keys':
      return `trường không được chấp nhận: ${(issue.keys ?? []).join(', ')}`;
    default:
      return 'không hợp lệ';
  }
}
