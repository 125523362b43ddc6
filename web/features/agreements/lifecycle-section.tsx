import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { todayInVietNam } from '../../../common/domain/calendar.ts';
import { labelEnum } from '../../i18n/enum-label.ts';
import { formatDate } from '../../i18n/format.ts';
import { TextField } from '../../ui/field.tsx';
import type { Agreement } from '../registry/registry.api.ts';
import { canEdit, useMe } from '../session/session.api.ts';
import { useTransition } from './agreements.api.ts';
import { describeSaveError } from './save-error.ts';

type Status = Agreement['status'];

/** The next steps the lifecycle allows, each a button; the chosen one asks for its date and note. */
function TransitionForm({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const transition = useTransition(agreement.id);
  const [target, setTarget] = useState<Status | null>(null);
  const [on, setOn] = useState(() => todayInVietNam());
  const [note, setNote] = useState('');
  const { message, errorFor } = describeSaveError(t, transition.error);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!target) return;
    transition.mutate(
      { version: agreement.version, status: target, on, ...(note.trim() ? { note } : {}) },
      {
        onSuccess: () => {
          setTarget(null);
          setNote('');
        },
      },
    );
  }

  if (agreement.allowedTransitions.length === 0) return <p className="muted">{t('lifecycle.final')}</p>;
  return (
    <div className="stack">
      <fieldset className="row">
        <legend>{t('lifecycle.moveTo')}</legend>
        {agreement.allowedTransitions.map((status) => (
          <button
            key={status}
            type="button"
            aria-pressed={target === status}
            className={target === status ? 'primary' : undefined}
            onClick={() => {
              transition.reset();
              setTarget(status);
            }}
          >
            {labelEnum('agreementStatus', status)}
          </button>
        ))}
      </fieldset>
      {target && (
        <form className="stack" onSubmit={submit} noValidate aria-labelledby="transition-form-title">
          <h3 id="transition-form-title">
            {t('lifecycle.formTitle', { status: labelEnum('agreementStatus', target) })}
          </h3>
          {message && (
            <p className="notice notice-error" role="alert">
              {message}
            </p>
          )}
          <div className="form-grid">
            <TextField
              label={t('lifecycle.on')}
              name="on"
              type="date"
              value={on}
              isRequired
              error={errorFor('on')}
              onChange={setOn}
            />
            <TextField
              label={t('lifecycle.note')}
              name="note"
              value={note}
              isMultiline
              error={errorFor('note')}
              onChange={setNote}
            />
          </div>
          <div className="row">
            <button type="submit" className="primary" disabled={transition.isPending}>
              {transition.isPending ? t('detail.saving') : t('lifecycle.submit')}
            </button>
            <button type="button" onClick={() => setTarget(null)}>
              {t('detail.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

/** Status, the steps allowed next, and the history of steps as a timeline (latest first). */
export function LifecycleSection({ agreement }: { agreement: Agreement }) {
  const { t } = useTranslation();
  const me = useMe();
  const history = [...agreement.statusHistory].reverse();
  return (
    <section className="card stack" aria-labelledby="lifecycle-title">
      <h2 id="lifecycle-title">{t('lifecycle.title')}</h2>
      <p>
        {t('lifecycle.current')}{' '}
        <span className={`badge status-${agreement.status}`} data-testid="agreement-status">
          {labelEnum('agreementStatus', agreement.status)}
        </span>
        {agreement.isExpiredByDate && (
          <>
            {' '}
            <span className="badge badge-warn">
              {t('lifecycle.expiredByDate', { date: formatDate(agreement.currentTermEndsOn) })}
            </span>
          </>
        )}
      </p>
      {canEdit(me.data) && <TransitionForm agreement={agreement} />}
      <h3>{t('lifecycle.history')}</h3>
      {history.length === 0 ? (
        <p className="muted">{t('app.empty')}</p>
      ) : (
        <ol className="timeline" aria-label={t('lifecycle.history')} data-testid="lifecycle-history">
          {history.map((step, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the history only grows; a step never moves.
            <li key={history.length - index}>
              {step.on ? <time dateTime={step.on}>{formatDate(step.on)}</time> : '—'}{' '}
              <strong>{labelEnum('agreementStatus', step.status)}</strong>
              {step.note && <> — {step.note}</>}
              {step.userId && (
                <span className="muted">
                  {' '}
                  · {step.userId === me.data?.id ? t('lifecycle.byYou') : t('lifecycle.byUser')}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
