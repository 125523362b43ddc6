import { defineError } from '../../http/errors.ts';

export const sourceErrors = {
  unsupportedFile: defineError('sources.unsupported_file', 415),
  unreadableFile: defineError('sources.unreadable_file', 422),
  emptyText: defineError('sources.empty_text', 422),
  noDraft: defineError('sources.no_draft', 404),
  alreadyAccepted: defineError('sources.already_accepted', 409),
};
