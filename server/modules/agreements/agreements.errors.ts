import { defineError } from '../../http/errors.ts';

export const agreementErrors = {
  transitionNotAllowed: defineError('agreements.transition_not_allowed', 400),
};
