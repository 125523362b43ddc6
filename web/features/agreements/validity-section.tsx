import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../i18n/format.ts';
import { CheckboxField, TextField } from '../../ui/field.tsx';
import type { Agreement } from '../registry/registry.api.ts';
import { canEdit, useMe } from '../session/session.api.ts';
import { useUpdateAgreement } from './agreements.api.ts';
import { describeSaveError } from './save-error.ts';

const toNumber = (text: string) => (text.trim() === '' ? null : Number(text));
const toText = (value: number | null) => (value === null ? '' : String(value));

function ValidityForm({ agreement, onDone }: { agreement: Agreement; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateAgreement(agreement.id);
  const [validFrom, setValidFrom] = useState(agreement.validFrom ?? '');
  const [validTo, setValidTo] = useState(agreement.validTo ?? '');
  const [isRenewing, setIsRenewing] = useState(agreement.renewalPeriodMonths !== null);
  const [renewalMonths, setRenewalMonths] = useState(toText(agreement.renewalPeriodMonths));
  const [noticeDays, setNoticeDays] = useState(toText(agreement.terminationNoticeDays));
  const [renewalNote, setRenewalNote] = useState(agreement.renewalNote ?? '');
  const { message, errorFor } = describeSaveError(t, update.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    update.mutate(
      {
        version: agreement.version,
        validFrom: validFrom || null,
        validTo: validTo || null,
        renewalPeriodMonths: isRenewing ? toNumber(renewalMonths) : null,
        terminationNoticeDays: toNumber(noticeDays),
        renewalNote: renewalNote.trim() || null,
      },
      { onSuccess: onDone },
    );
  }

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label={t('validity.formTitle')}>
      {message && (
        <p className="notice notice-error" role="alert">
          {message}
        </p>
      )}
      <div className="form-grid">
        <TextField
          label={t('columns.validFrom')}
          name="validFrom"
          type="date"
          value={validFrom}
          error={errorFor('validFrom')}
          onChange={setValidFrom}
        />
        <TextField
          label={t('columns.validTo')}
          name="validTo"
          type="date"
          value={validTo}
          error={errorFor('validTo')}
          onChange={setValidTo}
        />
        <TextField
          label={t('validity.noticeDays')}
          name="terminationNoticeDays"
          type="number"
          value={noticeDays}
          error={errorFor('terminationNoticeDays')}
          onChange={setNoticeDays}
        />
      </div>
      <CheckboxField label={t('validity.isRenewing')} isChecked={isRenewing} onChange={setIsRenewing} />
      {isRenewing && (
        <TextField
          label={t('validity.renewalMonths')}
          name="renewalPeriodMonths"
          type="number"
          value={renewalMonths}
          isRequired
          error={errorFor('renewalPeriodMonths')}
          onChange={setRenewalMonths}
        />
      )}
      <TextField
        label={t('columns.renewalNote')}
        name="renewalNote"
        value={renewalNote}
        isMultiline
        error={errorFor('renewalNote')}
        onChange={setRenewalNote}
      />
      <div className="row">
        <button type="submit" className="primary" disabled={update.isPending}>
          {update.isPending ? t('detail.saving') : t('detail.save')}
        </button>
        <button type="button" onClick={onDone}>
          {t('detail.cancel')}
        </button>
      </div>
    </form>
  );
}

/** The term: its dates, tacit renewal, the notice period, and the day the current term ends. */
export function ValiditySection({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const me = useMe();
  const [isEditing, setIsEditing] = useState(false);
  const rows: Array<[string, string]> = [
    [t('columns.validFrom'), formatDate(agreement.validFrom) || '—'],
    [t('columns.validTo'), formatDate(agreement.validTo) || '—'],
    [t('validity.currentTermEndsOn'), formatDate(agreement.currentTermEndsOn) || t('validity.noEnd')],
    [
      t('validity.renewal'),
      agreement.renewalPeriodMonths === null
        ? t('validity.noRenewal')
        : t('validity.renewsEvery', { count: agreement.renewalPeriodMonths }),
    ],
    [
      t('validity.noticeDays'),
      agreement.terminationNoticeDays === null
        ? '—'
        : t('validity.days', { count: agreement.terminationNoticeDays }),
    ],
    [t('columns.renewalNote'), agreement.renewalNote || '—'],
  ];
  return (
    <section className="card stack" aria-labelledby="validity-title">
      <div className="row-between">
        <h2 id="validity-title">{t('validity.title')}</h2>
        {canEdit(me.data) && !isEditing && (
          <button type="button" onClick={() => setIsEditing(true)} aria-label={t('validity.edit')}>
            {t('detail.edit')}
          </button>
        )}
      </div>
      {agreement.isExpiredByDate && (
        <p className="notice notice-warn" data-testid="expired-by-date">
          {t('validity.expiredByDate', { date: formatDate(agreement.currentTermEndsOn) })}
        </p>
      )}
      {isEditing ? (
        <ValidityForm agreement={agreement} onDone={() => setIsEditing(false)} />
      ) : (
        <dl className="fields">
          {rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
