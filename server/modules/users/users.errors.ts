import { AppError, defineError } from '../../http/errors.ts';

export const userErrors = {
  badCredentials: defineError('auth.bad_credentials', 401),
  emailTaken: defineError('users.email_taken', 409),
  unitNeedsOrganisation: defineError('users.unit_needs_organisation', 400),
  commonPassword: defineError('users.common_password', 400),
  wrongCurrentPassword: defineError('users.wrong_current_password', 400),
  lastAdmin: defineError('users.last_admin', 409),
};

/** A sign-in refused before the password was checked; the route sends Retry-After from it. */
export class LoginThrottledError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    detail: string,
  ) {
    super('auth.rate_limited', 429, detail);
  }
}
