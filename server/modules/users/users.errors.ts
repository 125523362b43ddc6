import { defineError } from '../../http/errors.ts';

export const userErrors = {
  badCredentials: defineError('auth.bad_credentials', 401),
  emailTaken: defineError('users.email_taken', 409),
  unitNeedsOrganisation: defineError('users.unit_needs_organisation', 400),
};
