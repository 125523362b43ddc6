import { defineError } from '../../http/errors.ts';

export const commitmentErrors = {
  notOwner: defineError(
    'commitments.not_owner',
    403,
    'Chỉ đơn vị chủ trì cam kết mới được cập nhật tiến độ.',
  ),
  dueBeforeOrigin: defineError(
    'commitments.due_before_origin',
    400,
    'Hạn cam kết không được trước ngày ký thỏa thuận.',
  ),
};
