import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { fieldLabel } from '../../common/columns/field-labels.ts';
import type { Language } from '../../common/domain/enums.ts';
import { isDatabaseUnreachable } from '../db/client.ts';
import { AppError, type DuplicateProblem, type FieldProblem, type UseProblem } from './errors.ts';
import { type IssueLike, pickLanguage, sayInVietnamese } from './messages.ts';

type Problem = {
  code: string;
  status: number;
  title: string;
  detail: string;
  errors?: FieldProblem[];
  uses?: UseProblem[];
  duplicateOf?: DuplicateProblem;
  /** The detail in Vietnamese, when known; never sent as such. */
  detailVi?: string;
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

const titlesVi: Record<number, string> = {
  400: 'Yêu cầu không hợp lệ',
  401: 'Cần đăng nhập',
  403: 'Không có quyền',
  404: 'Không tìm thấy',
  409: 'Xung đột',
  413: 'Dữ liệu quá lớn',
  415: 'Định dạng không được hỗ trợ',
  422: 'Không xử lý được',
  429: 'Quá nhiều yêu cầu',
  500: 'Lỗi máy chủ',
  503: 'Dịch vụ tạm thời không sẵn sàng',
};

/** The Vietnamese of the problems this handler words itself (the modules word theirs, *.errors.ts). */
const detailsVi: Record<string, string> = {
  'record.duplicate': 'Đã có một bản ghi với cùng giá trị duy nhất.',
  'record.in_use': 'Bản ghi đang được bản ghi khác tham chiếu, hoặc tham chiếu tới bản ghi không tồn tại.',
  'validation.failed': 'Yêu cầu không hợp lệ.',
  'request.too_large': 'Dữ liệu gửi lên lớn hơn mức máy chủ chấp nhận.',
  'request.media_type': 'Dữ liệu gửi lên phải là JSON (hoặc multipart khi tải tệp).',
  'request.empty': 'Yêu cầu không có nội dung; cần một đối tượng JSON.',
  'request.malformed': 'Nội dung yêu cầu không phải JSON hợp lệ.',
  'request.invalid': 'Yêu cầu không hợp lệ.',
  'route.not_found': 'Không có địa chỉ API này.',
  'server.error': 'Máy chủ gặp sự cố; lỗi đã được ghi lại.',
  'database.unavailable': 'Tạm thời không kết nối được cơ sở dữ liệu. Hãy thử lại sau ít giây.',
  'auth.rate_limited': 'Quá nhiều lần thử; hãy đợi một lúc rồi thử lại.',
};

/** Seconds a client should wait before retrying while the database is unreachable. */
const retryAfterSeconds = 10;

/** What the request asked for: its language (null: none named, English as always) and the
 * collection its route serves, whose columns name the fields. */
type Audience = { language: Language | null; collection: string | null };

function audienceOf(request: FastifyRequest): Audience {
  const route = request.routeOptions?.url ?? request.url;
  return {
    language: pickLanguage(request.headers['accept-language']),
    collection: /^\/api\/v1\/([\w-]+)/.exec(route)?.[1] ?? null,
  };
}

/** "Tên tiếng Việt" for body.titleVi: the first field below the body, query or params. */
function labelOf(path: string, { language, collection }: Audience): string {
  const [, ...fields] = path.split('.');
  const field = fields.find((segment) => !/^\d+$/.test(segment));
  return (language && field && fieldLabel(collection, field, language)) || path;
}

/** The problem in the audience's language; unchanged when the request named none. */
function localise(problem: Problem, audience: Audience): Problem {
  const { detailVi, ...rest } = problem;
  const errors = problem.errors?.map(({ path, message, vi }) => ({
    path,
    message: audience.language === 'vi' ? (vi ?? sayInVietnamese({ message })) : message,
  }));
  const localised = { ...rest, ...(errors ? { errors } : {}) };
  if (audience.language === null) return localised;
  const isFieldList = problem.code === 'validation.failed' || problem.code === 'reference.missing';
  const named = isFieldList
    ? (errors ?? []).map((error) => `${labelOf(error.path, audience)}: ${error.message}`).join('; ')
    : '';
  if (audience.language === 'en') {
    const lead = problem.detail.startsWith('The request is invalid:') ? 'The request is invalid:' : '';
    return lead && named ? { ...localised, detail: `${lead} ${named}` } : localised;
  }
  const lead = detailVi ?? detailsVi[problem.code] ?? problem.detail;
  return {
    ...localised,
    title: titlesVi[problem.status] ?? problem.title,
    detail: named ? `${lead} ${named}` : lead,
  };
}

export function sendProblem(reply: FastifyReply, problem: Problem, audience?: Audience) {
  const said = localise(problem, audience ?? audienceOf(reply.request));
  return reply
    .code(said.status)
    .type('application/problem+json')
    .send({ type: 'about:blank', ...said });
}

function problem(
  status: number,
  code: string,
  detail: string,
  errors?: FieldProblem[],
  detailVi?: string,
): Problem {
  return {
    status,
    code,
    title: titles[status] ?? 'Error',
    detail,
    ...(errors ? { errors } : {}),
    ...(detailVi ? { detailVi } : {}),
  };
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
      ...problem(error.status, error.code, error.detail, error.errors, error.detailVi),
      ...(error.uses ? { uses: error.uses } : {}),
      ...(error.duplicateOf ? { duplicateOf: error.duplicateOf } : {}),
    };
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => ({
      path: [error.validationContext, ...String(issue.instancePath).split('/').filter(Boolean)].join('.'),
      message: issue.message ?? 'is invalid',
      vi: sayInVietnamese({ ...(issue.params as IssueLike), code: issue.keyword, message: issue.message }),
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
