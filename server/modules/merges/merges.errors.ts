import { defineError } from '../../http/errors.ts';

export const mergeErrors = {
  alreadyUndone: defineError('merges.already_undone', 409),
  survivorGone: defineError('merges.survivor_gone', 409),
  mergedBack: defineError('merges.merged_record_exists', 409),
};
