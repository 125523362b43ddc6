import { AppError, defineError } from '../../http/errors.ts';

export const userErrors = {
  badCredentials: defineError('auth.bad_credentials', 401, 'Email hoặc mật khẩu không đúng.'),
  emailTaken: defineError('users.email_taken', 409, 'Đã có tài khoản với email {{email}}.'),
  unitNeedsOrganisation: defineError(
    'users.unit_needs_organisation',
    400,
    'Tài khoản đơn vị phải thuộc một tổ chức (Đơn vị).',
  ),
  commonPassword: defineError(
    'users.common_password',
    400,
    'Mật khẩu này là một trong những mật khẩu phổ biến nhất và bị đoán đầu tiên; hãy chọn mật khẩu khác.',
  ),
  wrongCurrentPassword: defineError('users.wrong_current_password', 400, 'Mật khẩu hiện tại không đúng.'),
  lastAdmin: defineError(
    'users.last_admin',
    409,
    'Không thể xóa, khóa hay hạ vai trò quản trị viên đang hoạt động cuối cùng: hãy cấp quyền quản trị cho một tài khoản khác trước.',
  ),
};

/** A sign-in refused before the password was checked; the route sends Retry-After from it. */
export class LoginThrottledError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    detail: string,
  ) {
    super('auth.rate_limited', 429, detail);
  }
}
