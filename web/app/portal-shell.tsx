import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useNavigate, useSearchParams } from 'react-router';
import { publicPaths } from '../../common/domain/public-urls.ts';
import { useMe } from '../features/session/session.api.ts';
import { LanguageSwitch } from './language-switch.tsx';
import { TopBar } from './top-bar.tsx';

/** The portal's search box: a plain GET form, so it works before (or without) the script too. */
function PortalSearchBox() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  return (
    <search className="portal-search-landmark">
      <form
        className="portal-search"
        action={publicPaths.search}
        method="get"
        onSubmit={(event) => {
          event.preventDefault();
          const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
          void navigate(`${publicPaths.search}?q=${encodeURIComponent(q)}`);
        }}
      >
        <label htmlFor="portal-search-q" className="visually-hidden">
          {t('portal.searchLabel')}
        </label>
        <input id="portal-search-q" type="search" name="q" defaultValue={params.get('q') ?? ''} />
        <button type="submit">{t('portal.searchButton')}</button>
      </form>
    </search>
  );
}

export function PortalShell() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  return (
    <div className="shell portal-shell">
      <TopBar home="/">
        <nav aria-label={t('portal.nav')} className="topnav">
          <Link to="/">{t('portal.home')}</Link>
          <Link to={publicPaths.agreements}>{t('portal.registry')}</Link>
          <Link to="/so-lieu">{t('dashboard.portalNav')}</Link>
          <a href={i18n.language === 'en' ? '/feed.atom?lang=en' : '/feed.atom'} type="application/atom+xml">
            {t('portal.feed')}
          </a>
          <Link to="/app">{me.data ? t('portal.workspace') : t('portal.signIn')}</Link>
        </nav>
        <PortalSearchBox />
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
