import type { TFunction } from 'i18next';
import { isApiError } from '../../app/http.ts';
import { findFieldMessage } from '../registry/field-errors.ts';

/** The message for a failed save, and the server's errors by field, in the reader's language. */
export function describeSaveError(t: TFunction, error: unknown) {
  const fieldErrors = isApiError(error) ? error.fieldErrors : [];
  const errorFor = (name: string) => findFieldMessage(fieldErrors, name);
  const message = !error
    ? undefined
    : isApiError(error, 403)
      ? t('detail.forbidden')
      : isApiError(error, 409)
        ? t('lifecycle.conflict')
        : isApiError(error) && error.code === 'agreements.transition_not_allowed'
          ? t('lifecycle.notAllowed')
          : fieldErrors.length > 0
            ? t('detail.fixErrors')
            : t('detail.genericError', { detail: isApiError(error) ? error.detail : String(error) });
  return { message, errorFor };
}
