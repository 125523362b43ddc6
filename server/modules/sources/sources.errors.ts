import { defineError } from '../../http/errors.ts';

export const sourceErrors = {
  unsupportedFile: defineError('sources.unsupported_file', 415),
  unreadableFile: defineError('sources.unreadable_file', 422),
  emptyText: defineError('sources.empty_text', 422),
  unsupportedLanguage: defineError('sources.unsupported_language', 422),
  fileTooLarge: defineError('sources.file_too_large', 413),
  textTooLong: defineError('sources.text_too_long', 413),
  readingTooSlow: defineError('sources.reading_too_slow', 422),
  readingTooBig: defineError('sources.reading_too_big', 422),
  readerBusy: defineError('sources.reader_busy', 503),
  noDraft: defineError('sources.no_draft', 404),
  alreadyAccepted: defineError('sources.already_accepted', 409),
};
