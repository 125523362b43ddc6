import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { NotificationBell } from '../features/notifications/notification-bell.tsx';
import { GlobalSearchBox } from '../features/search/global-search-box.tsx';
import { canEdit, useMe, useSignOut } from '../features/session/session.api.ts';
import { QueryState } from '../ui/query-state.tsx';
import { LanguageSwitch } from './language-switch.tsx';
import { TopBar } from './top-bar.tsx';

const sections = [
  'agreements',
  'events',
  'commitments',
  'people',
  'organisations',
  'partners',
  'sources',
  'areas',
] as const;

export function WorkspaceShell() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  const navigate = useNavigate();
  const signOut = useSignOut();

  return (
    <QueryState query={me}>
      {(user) => {
        if (!user) {
          const next = encodeURIComponent(location.pathname + location.search);
          return <Navigate to={`/app/sign-in?next=${next}`} replace />;
        }
        return (
          <div className="shell workspace-shell">
            <TopBar home="/app">
              <GlobalSearchBox />
              <NotificationBell />
              <div className="user-menu">
                <Link to="/app/profile" title={t('profile.link')}>
                  {user.displayName || user.email} · {t(`session.roles.${user.role}`)}
                </Link>
                <button
                  type="button"
                  onClick={() => signOut.mutate(undefined, { onSettled: () => navigate('/app/sign-in') })}
                >
                  {t('session.signOut')}
                </button>
              </div>
              <LanguageSwitch />
            </TopBar>
            <div className="workspace-body">
              <nav aria-label={t('nav.workspace')} className="sidenav">
                <ul>
                  <li>
                    <NavLink to="/app/my-work">{t('nav.myWork')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/app/inbox">{t('nav.inbox')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/app/commitments/board">{t('nav.board')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/app/dashboard">{t('dashboard.nav')}</NavLink>
                  </li>
                  {sections.map((section) => (
                    <li key={section}>
                      <NavLink to={`/app/${section}`}>{t(`nav.${section}`)}</NavLink>
                    </li>
                  ))}
                  <li>
                    <NavLink to="/app/duplicates">{t('nav.duplicates')}</NavLink>
                  </li>
                  <li>
                    <NavLink to="/app/policies">{t('nav.policies')}</NavLink>
                  </li>
                  {user.role === 'admin' && (
                    <li>
                      <NavLink to="/app/audit">{t('nav.audit')}</NavLink>
                    </li>
                  )}
                  <li>
                    <NavLink to="/app/search">{t('nav.search')}</NavLink>
                  </li>
                  {user.role === 'admin' && (
                    <li>
                      <NavLink to="/app/users">{t('nav.users')}</NavLink>
                    </li>
                  )}
                  <li>
                    <Link to="/">{t('nav.portal')}</Link>
                  </li>
                </ul>
              </nav>
              <main id="main" tabIndex={-1}>
                {!canEdit(user) && (
                  <p className="notice" data-testid="read-only">
                    {t('session.readOnly')}
                  </p>
                )}
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
            </div>
          </div>
        );
      }}
    </QueryState>
  );
}
