import type { z } from 'zod';
import { commonErrors } from './errors.ts';
import { type IssueLike, sayInVietnamese } from './messages.ts';
import { refuseNul } from './nul-guard.ts';

/** Validates a body that could not be declared on the route (multipart alongside JSON), with
 * the same problem+json answer as a declared schema. */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  refuseNul(body, 'body');
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const errors = parsed.error.issues.map((issue) => ({
    path: ['body', ...issue.path.map(String)].join('.'),
    message: issue.message,
    vi: sayInVietnamese(issue as IssueLike),
  }));
  throw commonErrors.invalid(
    `The request is invalid: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`,
    errors,
  );
}
