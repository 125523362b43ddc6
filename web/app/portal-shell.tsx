import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useMe } from '../features/session/session.api.ts';
import { LanguageSwitch } from './language-switch.tsx';

export function PortalShell() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <div className="shell portal-shell">
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          <strong>{t('app.name')}</strong>
          <span>{t('app.tagline')}</span>
        </Link>
        <nav aria-label={t('portal.nav')} className="topnav">
          <Link to="/">{t('portal.latestNews')}</Link>
          <a href="/feed.atom" type="application/atom+xml">
            {t('portal.feed')}
          </a>
          <Link to="/app">{me.data ? t('portal.workspace') : t('portal.signIn')}</Link>
        </nav>
        <LanguageSwitch />
      </header>
      <main id="main" tabIndex={-1}>
        <Suspense
          fallback={
            <p className="muted" role="status">
              {t('app.loading')}
            </p>
          }
        >
          <Outlet />
        </Suspense>
      </main>
      <footer className="footer">
        <p>{t('portal.footer')}</p>
      </footer>
    </div>
  );
}
