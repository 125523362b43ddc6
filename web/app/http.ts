// One fetch wrapper for the whole app: JSON in, JSON out, and problem+json errors turned into
// ApiError so forms can show `errors[]` next to their fields and pages can tell 401/403/409 apart.
// Every call names the UI's language, so the server's messages come back in it.
// Types only: a runtime import of the zod contracts would put zod in the bundle, whose start-up
// probe for eval breaks the content security policy.
import type { Problem } from '../../common/contracts/common.ts';
import { getLanguage } from '../i18n/i18n.ts';

export interface FieldError {
  path: string;
  message: string;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly detail: string;
  readonly fieldErrors: FieldError[];
  /** From a 429's Retry-After: how long to wait before trying again. */
  readonly retryAfterSeconds: number | null;
  /** sources.duplicate: the stored record the new one repeats. */
  readonly duplicateOf: Problem['duplicateOf'];

  constructor(
    status: number,
    code: string,
    detail: string,
    fieldErrors: FieldError[],
    retryAfterSeconds: number | null = null,
    duplicateOf?: Problem['duplicateOf'],
  ) {
    super(detail || code || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.detail = detail;
    this.fieldErrors = fieldErrors;
    this.retryAfterSeconds = retryAfterSeconds;
    this.duplicateOf = duplicateOf;
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

// Validators report paths as "titleVi", "/titleVi", "body.titleVi" or ["titleVi"]; forms key by
// the field name, so reduce all of them to the dotted path below the body.
function normalisePath(path: unknown): string {
  const raw = Array.isArray(path) ? path.join('.') : String(path ?? '');
  return raw
    .replace(/^\/+/, '')
    .replace(/\//g, '.')
    .replace(/^body\./, '');
}

function readDuplicateOf(value: unknown): Problem['duplicateOf'] {
  if (typeof value !== 'object' || value === null) return undefined;
  const record = value as Record<string, unknown>;
  const isText = (key: string) => typeof record[key] === 'string';
  if (!isText('collection') || !isText('id') || !isText('label') || !isText('matchedBy')) return undefined;
  return {
    collection: String(record.collection),
    id: String(record.id),
    label: String(record.label),
    date: typeof record.date === 'string' ? record.date : null,
    matchedBy: String(record.matchedBy),
  };
}

async function readProblem(response: Response): Promise<ApiError> {
  let body: Record<string, unknown> = {};
  try {
    body = (await response.json()) as Record<string, unknown>;
  } catch {
    // Not JSON (a proxy error page, an empty body): the status alone has to do.
  }
  const errors = Array.isArray(body.errors) ? (body.errors as Array<Record<string, unknown>>) : [];
  const retryAfter = Number(response.headers.get('retry-after'));
  return new ApiError(
    response.status,
    typeof body.code === 'string' ? body.code : '',
    typeof body.detail === 'string' ? body.detail : typeof body.title === 'string' ? body.title : '',
    errors.map((error) => ({ path: normalisePath(error.path), message: String(error.message ?? '') })),
    retryAfter > 0 ? retryAfter : null,
    readDuplicateOf(body.duplicateOf),
  );
}

export type QueryValue = string | number | boolean | null | undefined;

export function buildQuery(params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}

export async function requestJson<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal } = {},
): Promise<T> {
  const isForm = init.body instanceof FormData;
  const response = await fetch(path, {
    method: init.method ?? 'GET',
    credentials: 'same-origin',
    headers: {
      accept: 'application/json',
      'accept-language': getLanguage(),
      ...(init.body === undefined || isForm ? {} : { 'content-type': 'application/json' }),
    },
    body: init.body === undefined ? undefined : isForm ? (init.body as FormData) : JSON.stringify(init.body),
    signal: init.signal,
  });
  if (!response.ok) throw await readProblem(response);
  if (response.status === 204) return undefined as T;
  return (await response.json()) as T;
}
