import { defineError } from '../../http/errors.ts';

export const backupErrors = {
  notEmpty: defineError('backup.target_not_empty', 409, 'Cơ sở dữ liệu đích không trống.'),
  newerSchema: defineError(
    'backup.newer_schema',
    409,
    'Bản sao lưu được tạo bởi phiên bản mới hơn của hệ thống.',
  ),
  unreadable: defineError('backup.unreadable', 422, 'Không đọc được bản sao lưu.'),
};
