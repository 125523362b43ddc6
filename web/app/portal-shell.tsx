import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router';
import { useMe } from '../features/session/session.api.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { TopBar } from './top-bar.tsx';

export function PortalShell() {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <div className="shell portal-shell">
      <TopBar home="/">
        <nav aria-label={t('portal.nav')} className="topnav">
          <Link to="/">{t('portal.latestNews')}</Link>
          <Link to="/so-lieu">{t('dashboard.portalNav')}</Link>
          <a href="/feed.atom" type="application/atom+xml">
            {t('portal.feed')}
          </a>
          <Link to="/app">{me.data ? t('portal.workspace') : t('portal.signIn')}</Link>
        </nav>
        <LanguageSwitch />
      </TopBar>
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
