import { defineError } from '../../http/errors.ts';

export const backupErrors = {
  notEmpty: defineError('backup.target_not_empty', 409),
  newerSchema: defineError('backup.newer_schema', 409),
  unreadable: defineError('backup.unreadable', 422),
};
