import { defineError } from '../../http/errors.ts';

export const commitmentErrors = {
  notOwner: defineError('commitments.not_owner', 403),
  dueBeforeOrigin: defineError('commitments.due_before_origin', 400),
};
