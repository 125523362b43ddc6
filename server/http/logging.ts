import type { FastifyServerOptions } from 'fastify';
import pino, { type DestinationStream } from 'pino';

// Logs must never carry secrets. Headers and password fields are redacted by path; a failed
// query's error carries its parameters (Drizzle puts them in the message and stack, the driver
// may quote a whole row in `detail`), and those parameters include argon2id hashes and session
// token hashes, so they are cut out of every logged error.

const redactedPaths = [
  'req.headers.cookie',
  'req.headers.authorization',
  'res.headers["set-cookie"]',
  '*.password',
  '*.currentPassword',
  '*.newPassword',
  '*.passwordHash',
  '*.tokenHash',
];

/** Database error fields that may quote the values of a row. */
const valueFields = ['params', 'detail', 'where', 'internalQuery'];

/** Replaces each "params: …" Drizzle wrote for an error in its cause chain. */
function cutQueryParams(text: string, error: unknown): string {
  let result = text;
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    const params = (cause as { params?: unknown }).params;
    if (Array.isArray(params) && params.length > 0) {
      result = result.replaceAll(`\nparams: ${params}`, '\nparams: [redacted]');
    }
  }
  return result;
}

function serializeError(error: Error) {
  const serialized: Record<string, unknown> = { ...pino.stdSerializers.err(error) };
  for (const field of valueFields) delete serialized[field];
  return {
    ...serialized,
    type: String(serialized.type),
    message: cutQueryParams(String(serialized.message), error),
    stack: cutQueryParams(String(serialized.stack), error),
  };
}

/** Fastify's logger options; `stream` lets a test read what would be written. */
export function createLoggerOptions(
  level: string,
  stream?: DestinationStream,
): FastifyServerOptions['logger'] {
  if (level === 'silent') return false;
  return {
    level,
    redact: redactedPaths,
    serializers: { err: serializeError },
    ...(stream ? { stream } : {}),
  };
}
