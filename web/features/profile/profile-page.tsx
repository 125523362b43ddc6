import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../common/domain/limits.ts';
import { isApiError } from '../../app/http.ts';
import { TextField } from '../../ui/field.tsx';
import { NotificationSettingsSection } from '../notifications/notification-settings.tsx';
import { useMe } from '../session/session.api.ts';
import {
  useCalendarFeed,
  useChangeOwnPassword,
  useEndOtherSessions,
  useRenewCalendarFeed,
  useRevokeCalendarFeed,
} from './profile.api.ts';

type PasswordErrors = { currentPassword?: string; newPassword?: string; repeated?: string; form?: string };

/** The signed-in user's own page: who they are, a new password, and "sign out everywhere else". */
export function ProfilePage() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <div className="stack">
      <h1>{t('profile.title')}</h1>
      {me.data && (
        <p>
          {me.data.displayName && `${me.data.displayName} · `}
          {me.data.email} · {t(`session.roles.${me.data.role}`)}
        </p>
      )}
      <ChangePasswordForm />
      <OtherSessions />
      <CalendarFeed />
      <NotificationSettingsSection />
    </div>
  );
}

function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangeOwnPassword();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [errors, setErrors] = useState<PasswordErrors>({});

  function submit(event: FormEvent) {
    event.preventDefault();
    const found: PasswordErrors = {};
    if (newPassword.length < limits.passwordMin) {
      found.newPassword = t('profile.tooShort', { min: limits.passwordMin });
    } else if (repeated !== newPassword) {
      found.repeated = t('profile.mismatch');
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: () => {
          setCurrentPassword('');
          setNewPassword('');
          setRepeated('');
        },
        onError: (error) => setErrors(explainRefusal(error, t)),
      },
    );
  }

  return (
    <form onSubmit={submit} className="card stack" noValidate aria-labelledby="change-password">
      <h2 id="change-password">{t('profile.changePassword')}</h2>
      {change.isSuccess && (
        <p className="notice notice-ok" role="status">
          {t('profile.changed')}
        </p>
      )}
      {errors.form && (
        <p className="notice notice-error" role="alert">
          {errors.form}
        </p>
      )}
      <TextField
        label={t('profile.currentPassword')}
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={setCurrentPassword}
        error={errors.currentPassword}
        isRequired
      />
      <TextField
        label={t('profile.newPassword')}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        value={newPassword}
        onChange={setNewPassword}
        error={errors.newPassword}
        hint={t('profile.newPasswordHint', { min: limits.passwordMin })}
        isRequired
      />
      <TextField
        label={t('profile.repeatPassword')}
        name="repeatPassword"
        type="password"
        autoComplete="new-password"
        value={repeated}
        onChange={setRepeated}
        error={errors.repeated}
        isRequired
      />
      <button type="submit" className="primary" disabled={change.isPending}>
        {change.isPending ? t('profile.saving') : t('profile.save')}
      </button>
    </form>
  );
}

/** The server's refusal, put next to the field it concerns in the reader's language. */
function explainRefusal(error: Error, t: TFunction): PasswordErrors {
  if (!isApiError(error)) return { form: t('app.loadFailed') };
  switch (error.code) {
    case 'users.wrong_current_password':
      return { currentPassword: t('profile.wrongCurrent') };
    case 'users.common_password':
      return { newPassword: t('profile.commonPassword') };
    case 'auth.rate_limited':
      return error.retryAfterSeconds
        ? { form: t('session.rateLimitedFor', { seconds: error.retryAfterSeconds }) }
        : { form: t('session.rateLimited') };
    default:
      return { form: t('detail.genericError', { detail: error.detail }) };
  }
}

function OtherSessions() {
  const { t } = useTranslation();
  const endOthers = useEndOtherSessions();
  return (
    <section className="card stack" aria-labelledby="other-sessions">
      <h2 id="other-sessions">{t('profile.otherSessions')}</h2>
      <p className="muted">{t('profile.otherSessionsHint')}</p>
      {endOthers.data && (
        <p className="notice notice-ok" role="status">
          {t('profile.endedOthers', { count: endOthers.data.ended })}
        </p>
      )}
      {endOthers.isError && (
        <p className="notice notice-error" role="alert">
          {t('app.loadFailed')}
        </p>
      )}
      <button type="button" onClick={() => endOthers.mutate()} disabled={endOthers.isPending}>
        {t('profile.endOthers')}
      </button>
    </section>
  );
}

/** The secret address a calendar program subscribes to: shown once when made, revocable. */
function CalendarFeed() {
  const { t } = useTranslation();
  const feed = useCalendarFeed();
  const renew = useRenewCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const address = renew.data?.path ? `${window.location.origin}${renew.data.path}` : null;
  return (
    <section className="card stack" aria-labelledby="calendar-feed">
      <h2 id="calendar-feed">{t('profile.calendar')}</h2>
      <p className="muted">{t('profile.calendarHint')}</p>
      {address && !revoke.isSuccess && (
        <p className="notice notice-ok" role="status">
          {t('profile.calendarShownOnce')} <code>{address}</code>
        </p>
      )}
      {feed.data?.createdAt && !address && <p>{t('profile.calendarExists')}</p>}
      {(renew.isError || revoke.isError) && (
        <p className="notice notice-error" role="alert">
          {t('app.loadFailed')}
        </p>
      )}
      <p>
        <button type="button" onClick={() => renew.mutate()} disabled={renew.isPending}>
          {feed.data?.createdAt ? t('profile.calendarRenew') : t('profile.calendarCreate')}
        </button>{' '}
        {feed.data?.createdAt && (
          <button type="button" onClick={() => revoke.mutate()} disabled={revoke.isPending}>
            {t('profile.calendarRevoke')}
          </button>
        )}
      </p>
    </section>
  );
}
