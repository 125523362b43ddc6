import { defineError } from '../../http/errors.ts';

export const iatiErrors = {
  empty: defineError('iati.empty', 404),
};
