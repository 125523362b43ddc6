import type { FastifyInstance } from 'fastify';
import { commonErrors } from './errors.ts';

// PostgreSQL text cannot hold U+0000: a value carrying it would fail deep in a query as a 500.
// It is never meant in any field, so it is refused at the door, naming the field.

/** The dotted path of the first string under value that contains U+0000, or null. */
function findNul(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  // Bytes (a raw body) are not text; walking them one by one would only cost time.
  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return null;
  for (const [key, item] of Object.entries(value)) {
    const found = findNul(item, `${path}.${key}`);
    if (found) return found;
  }
  return null;
}

/** Throws 400 validation.failed naming the field when any text in value contains U+0000. */
export function refuseNul(value: unknown, path: string): void {
  const field = findNul(value, path);
  if (!field) return;
  throw commonErrors.invalid(
    `The request is invalid: ${field}: must not contain the NUL character (U+0000)`,
    [{ path: field, message: 'must not contain the NUL character (U+0000)' }],
  );
}

/** Checks every route's parsed query, path parameters and body before validation; bodies a
 * route parses itself (multipart fields) go through parseBody, which checks them too. */
export function registerNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    refuseNul(request.query, 'querystring');
    refuseNul(request.params, 'params');
    refuseNul(request.body, 'body');
  });
}
