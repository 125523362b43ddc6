import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInVietNam } from '../../../common/domain/calendar.ts';
import { commitmentStatuses } from '../../../common/domain/enums.ts';
import { isApiError } from '../../app/http.ts';
import { listEnumOptions } from '../../i18n/enum-label.ts';
import { SelectField, TextField } from '../../ui/field.tsx';
import type { Commitment } from '../registry/registry.api.ts';
import { useAddProgress } from './commitments.api.ts';

type Status = Commitment['status'];

/** Posts a dated progress note (and optionally a new status) with the version the page read. */
export function ProgressForm({ commitment }: { commitment: Commitment }) {
  const { t } = useTranslation();
  const addProgress = useAddProgress(commitment.id);
  const [on, setOn] = useState(() => todayInVietNam());
  const [note, setNote] = useState('');
  const [status, setStatus] = useState<Status | ''>('');
  const [isPosted, setIsPosted] = useState(false);

  function submit(event: FormEvent) {
    event.preventDefault();
    setIsPosted(false);
    addProgress.mutate(
      { version: commitment.version, on, note, ...(status ? { status } : {}) },
      {
        onSuccess: () => {
          setNote('');
          setStatus('');
          setIsPosted(true);
        },
      },
    );
  }

  const error = addProgress.error;
  const fieldErrors = isApiError(error) ? error.fieldErrors : [];
  const errorFor = (name: string) =>
    fieldErrors
      .filter((item) => item.path === name)
      .map((item) => item.message)
      .join('; ') || undefined;
  const message = !error
    ? undefined
    : isApiError(error, 403)
      ? error.code === 'commitments.not_owner'
        ? t('progress.notOwner')
        : t('detail.forbidden')
      : isApiError(error, 409)
        ? t('progress.conflict')
        : fieldErrors.length > 0
          ? t('detail.fixErrors')
          : t('detail.genericError', { detail: isApiError(error) ? error.detail : String(error) });

  return (
    <form className="stack" onSubmit={submit} noValidate aria-labelledby="progress-form-title">
      <h3 id="progress-form-title">{t('progress.formTitle')}</h3>
      {message && (
        <p className="notice notice-error" role="alert" data-testid="progress-error">
          {message}
        </p>
      )}
      {isPosted && (
        <p className="notice notice-ok" role="status">
          {t('progress.posted')}
        </p>
      )}
      <div className="form-grid">
        <TextField
          label={t('progress.on')}
          name="on"
          type="date"
          value={on}
          isRequired
          error={errorFor('on')}
          onChange={setOn}
        />
        <SelectField
          label={t('progress.status')}
          name="status"
          value={status}
          emptyLabel={t('progress.keepStatus')}
          options={listEnumOptions('commitmentStatus', commitmentStatuses)}
          error={errorFor('status')}
          onChange={(value) => setStatus(value as Status | '')}
        />
      </div>
      <TextField
        label={t('progress.note')}
        name="note"
        value={note}
        isMultiline
        isRequired
        error={errorFor('note')}
        onChange={setNote}
      />
      <div>
        <button type="submit" className="primary" disabled={addProgress.isPending}>
          {addProgress.isPending ? t('progress.posting') : t('progress.submit')}
        </button>
      </div>
    </form>
  );
}
