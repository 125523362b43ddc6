import { defineError } from '../../http/errors.ts';

export const mergeErrors = {
  alreadyUndone: defineError('merges.already_undone', 409, 'Lần gộp này đã được hoàn tác.'),
  survivorGone: defineError(
    'merges.survivor_gone',
    409,
    'Bản ghi được giữ lại khi gộp đã bị xóa nên không hoàn tác được.',
  ),
  mergedBack: defineError(
    'merges.merged_record_exists',
    409,
    'Một bản ghi đã gộp hiện lại tồn tại nên không hoàn tác được.',
  ),
};
