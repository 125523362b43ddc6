import { defineError } from '../../http/errors.ts';

export const agreementErrors = {
  transitionNotAllowed: defineError(
    'agreements.transition_not_allowed',
    400,
    'Thỏa thuận ở tình trạng {{from}} không thể chuyển sang {{to}}.',
  ),
};
