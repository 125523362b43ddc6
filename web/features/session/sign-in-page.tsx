import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../app/http.ts';
import { TextField } from '../../ui/field.tsx';
import { useMe, useSignIn } from './session.api.ts';

// Only same-app paths are accepted as the place to return to, never another site.
function pickNext(next: string | null): string {
  return next?.startsWith('/app') ? next : '/app';
}

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMe();
  const signIn = useSignIn();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const next = pickNext(params.get('next'));

  if (me.data) return <Navigate to={next} replace />;

  function submit(event: FormEvent) {
    event.preventDefault();
    signIn.mutate({ email, password }, { onSuccess: () => navigate(next, { replace: true }) });
  }

  const error = signIn.error;
  const message = error
    ? isApiError(error, 429)
      ? error.retryAfterSeconds
        ? t('session.rateLimitedFor', { seconds: error.retryAfterSeconds })
        : t('session.rateLimited')
      : isApiError(error, 401) || isApiError(error, 400)
        ? t('session.badCredentials')
        : t('app.loadFailed')
    : null;

  return (
    <div className="sign-in">
      <h1>{t('session.title')}</h1>
      <form onSubmit={submit} className="card stack" noValidate>
        {message && (
          <p className="notice notice-error" role="alert">
            {message}
          </p>
        )}
        <TextField
          label={t('session.email')}
          name="email"
          type="email"
          autoComplete="username"
          value={email}
          onChange={setEmail}
          isRequired
        />
        <TextField
          label={t('session.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          isRequired
        />
        <button type="submit" className="primary" disabled={signIn.isPending}>
          {signIn.isPending ? t('session.submitting') : t('session.submit')}
        </button>
      </form>
    </div>
  );
}
