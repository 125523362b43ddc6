import { defineError } from '../../http/errors.ts';

export const notificationErrors = {
  unknownRecord: defineError('notifications.unknown_record', 404, 'Không tìm thấy hồ sơ cần tắt nhắc việc.'),
};
