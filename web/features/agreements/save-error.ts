import type { TFunction } from 'i18next';
import { isApiError } from '../../app/http.ts';

/** The message for a failed save, and the server's errors by field, in the reader's language. */
export function describeSaveError(t: TFunction, error: unknown) {
  const fieldErrors = isApiError(error) ? error.fieldErrors : [];
  const errorFor = (name: string) =>
    fieldErrors
      .filter((item) => item.path === name || item.path.startsWith(`${name}.`))
      .map((item) => item.message)
      .join('; ') || undefined;
  const message = !error
    ? undefined
    : isApiError(error, 403)
      ? t('detail.forbidden')
      : isApiError(error, 409)
        ? t('lifecycle.conflict')
        : fieldErrors.length > 0
          ? t('detail.fixErrors')
          : t('detail.genericError', { detail: isApiError(error) ? error.detail : String(error) });
  return { message, errorFor };
}
