// Errors that carry a stable code and an HTTP status. Services throw them without knowing about
// HTTP; server/http/error-handler.ts turns them into application/problem+json, in English or, when
// the request asks for it (Accept-Language), in Vietnamese.

/** A field's problem; `vi` when the thrower says it in Vietnamese itself (else the handler
 * translates the known English wordings, server/http/messages.ts). */
export type FieldProblem = { path: string; message: string; vi?: string };

/** A record that still points at one a delete refuses (record.in_use). */
export type UseProblem = { collection: string; id: string; label: string; field: string };

/** The record a new one repeats (sources.duplicate): what to open instead, and why it matched. */
export type DuplicateProblem = {
  collection: string;
  id: string;
  label: string;
  /** Its day (YYYY-MM-DD in Viet Nam), when known. */
  date: string | null;
  matchedBy: string;
};

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly detail: string,
    readonly errors?: FieldProblem[],
    /** The detail in Vietnamese; the English detail is the default. */
    readonly detailVi?: string,
    readonly uses?: UseProblem[],
    readonly duplicateOf?: DuplicateProblem,
  ) {
    super(detail);
  }

  /** Fastify plugins (rate limit) read the status from here. */
  get statusCode(): number {
    return this.status;
  }
}

/** Every code declared with defineError and its Vietnamese message (a test checks none lacks one). */
export const declaredErrors = new Map<string, string | undefined>();

/** Fills `{{name}}` from values; a placeholder without a value is dropped. */
function fill(template: string, values: Record<string, string | number> = {}): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(values[name] ?? '')).trim();
}

/**
 * Declares one error: `defineError('users.last_admin', 409, 'Không thể …')`. The thrower gives the
 * English detail (its own words, with the particulars) and, for a Vietnamese message with
 * `{{placeholders}}`, their values.
 */
export function defineError(code: string, status: number, vi?: string) {
  declaredErrors.set(code, vi);
  return (
    detail: string,
    errors?: FieldProblem[],
    values?: Record<string, string | number>,
    uses?: UseProblem[],
    duplicateOf?: DuplicateProblem,
  ) =>
    new AppError(
      code,
      status,
      detail,
      errors,
      vi === undefined ? undefined : fill(vi, values),
      uses,
      duplicateOf,
    );
}

export const commonErrors = {
  notFound: defineError('record.not_found', 404, 'Không tìm thấy bản ghi.'),
  versionConflict: defineError(
    'version.conflict',
    409,
    'Bản ghi vừa được người khác thay đổi; hãy tải lại rồi sửa tiếp.',
  ),
  inUse: defineError(
    'record.in_use',
    409,
    'Bản ghi đang được {{count}} bản ghi khác sử dụng nên không xóa được: hãy gỡ các liên kết đó hoặc thay bằng bản ghi khác.',
  ),
  duplicate: defineError('record.duplicate', 409, 'Đã có một bản ghi với giá trị này.'),
  invalidReference: defineError('reference.missing', 422, 'Có liên kết trỏ tới bản ghi không tồn tại.'),
  invalid: defineError('validation.failed', 400, 'Yêu cầu không hợp lệ.'),
  unauthenticated: defineError('auth.required', 401, 'Cần đăng nhập.'),
  forbidden: defineError('auth.forbidden', 403, 'Bạn không có quyền làm việc này.'),
};
