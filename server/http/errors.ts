// Errors that carry a stable code and an HTTP status. Services throw them without knowing about
// HTTP; server/http/error-handler.ts turns them into application/problem+json.

export type FieldProblem = { path: string; message: string };

/** A record that still points at one a delete refuses (record.in_use). */
export type UseProblem = { collection: string; id: string; label: string; field: string };

export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    readonly detail: string,
    readonly errors?: FieldProblem[],
    readonly uses?: UseProblem[],
  ) {
    super(detail);
  }

  /** Fastify plugins (rate limit) read the status from here. */
  get statusCode(): number {
    return this.status;
  }
}

/** Declares a module's errors in one place: `defineErrors({ notFound: [404, 'agreements.not_found'] })`. */
export function defineError(code: string, status: number) {
  return (detail: string, errors?: FieldProblem[], uses?: UseProblem[]) =>
    new AppError(code, status, detail, errors, uses);
}

export const commonErrors = {
  notFound: defineError('record.not_found', 404),
  versionConflict: defineError('version.conflict', 409),
  inUse: defineError('record.in_use', 409),
  duplicate: defineError('record.duplicate', 409),
  invalidReference: defineError('reference.missing', 422),
  invalid: defineError('validation.failed', 400),
  unauthenticated: defineError('auth.required', 401),
  forbidden: defineError('auth.forbidden', 403),
};
