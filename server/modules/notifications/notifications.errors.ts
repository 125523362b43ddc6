import { defineError } from '../../http/errors.ts';

export const notificationErrors = {
  unknownRecord: defineError('notifications.unknown_record', 404),
};
