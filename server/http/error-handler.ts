import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { isDatabaseUnreachable } from '../db/client.ts';
import { AppError, type FieldProblem, type UseProblem } from './errors.ts';

type Problem = {
  code: string;
  status: number;
  title: string;
  detail: string;
  errors?: FieldProblem[];
  uses?: UseProblem[];
};

const titles: Record<number, string> = {
  400: 'Bad request',
  401: 'Sign-in required',
  403: 'Forbidden',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

/** Seconds a client should wait before retrying while the database is unreachable. */
const retryAfterSeconds = 10;

export function sendProblem(reply: FastifyReply, problem: Problem) {
  return reply
    .code(problem.status)
    .type('application/problem+json')
    .send({ type: 'about:blank', ...problem });
}

function problem(status: number, code: string, detail: string, errors?: FieldProblem[]): Problem {
  return { status, code, title: titles[status] ?? 'Error', detail, ...(errors ? { errors } : {}) };
}

/** PostgreSQL error codes that mean the request, not the server, was wrong. */
function fromDatabaseError(error: unknown): Problem | null {
  const cause =
    (error as { cause?: { code?: string; detail?: string } }).cause ?? (error as { code?: string });
  switch (cause?.code) {
    case '23505':
      return problem(409, 'record.duplicate', 'A record with the same unique value already exists.');
    case '23503':
      return problem(
        409,
        'record.in_use',
        'The record is referenced by other records, or refers to one that does not exist.',
      );
    case '22P02':
    case '22007':
    case '22008':
      return problem(400, 'validation.failed', 'A value has the wrong format for its field.');
    case '22001':
      return problem(400, 'validation.failed', 'A value is longer than its field allows.');
    default:
      return null;
  }
}

function toProblem(error: FastifyError | AppError | Error): Problem | null {
  if (error instanceof AppError)
    return {
      ...problem(error.status, error.code, error.detail, error.errors),
      ...(error.uses ? { uses: error.uses } : {}),
    };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => ({
      path: [error.validationContext, ...String(issue.instancePath).split('/').filter(Boolean)].join('.'),
      message: issue.message ?? 'is invalid',
    }));
    const summary = errors.map((item) => `${item.path}: ${item.message}`).join('; ');
    return problem(400, 'validation.failed', `The request is invalid: ${summary}`, errors);
  }
  const fastifyError = error as FastifyError;
  switch (fastifyError.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return problem(413, 'request.too_large', 'The request body is larger than the server accepts.');
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return problem(415, 'request.media_type', 'The request body must be JSON (or multipart for uploads).');
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return problem(400, 'request.empty', 'The request body is empty; a JSON object was expected.');
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return problem(400, 'request.malformed', 'The request body is not valid JSON.');
    case 'FST_REQ_FILE_TOO_LARGE':
      return problem(413, 'request.too_large', 'The uploaded file is larger than the server accepts.');
    case 'FST_INVALID_MULTIPART_CONTENT_TYPE':
      return problem(415, 'request.media_type', 'The upload must be multipart/form-data.');
  }
  if (error instanceof SyntaxError && fastifyError.statusCode === 400) {
    return problem(400, 'request.malformed', 'The request body is not valid JSON.');
  }
  const database = fromDatabaseError(error);
  if (database) return database;
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return problem(status, 'request.invalid', fastifyError.message);
  }
  return null;
}

export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = toProblem(error);
    if (known) return sendProblem(reply, known);
    if (isDatabaseUnreachable(error)) {
      request.log.warn({ err: error }, 'database unreachable');
      reply.header('retry-after', String(retryAfterSeconds));
      return sendProblem(
        reply,
        problem(
          503,
          'database.unavailable',
          `The database cannot be reached just now. Try again in ${retryAfterSeconds} seconds.`,
        ),
      );
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      problem(500, 'server.error', 'Something went wrong on the server. It has been logged.'),
    );
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, problem(404, 'route.not_found', `No route for ${request.method} ${request.url}.`)),
  );
}
