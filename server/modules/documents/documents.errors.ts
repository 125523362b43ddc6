import { defineError } from '../../http/errors.ts';

export const documentsErrors = {
  notFound: defineError('documents.not_found', 404),
  noFile: defineError('documents.no_file', 400),
  empty: defineError('documents.empty', 400),
  tooLarge: defineError('documents.too_large', 413),
  typeRefused: defineError('documents.type_refused', 415),
  recordMissing: defineError('documents.record_missing', 422),
  notOwner: defineError('documents.not_owner', 403),
  contentMissing: defineError('documents.content_missing', 500),
};
