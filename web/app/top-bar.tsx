import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** The skip link and the header both shells share; each shell passes its own home and tools. */
export function TopBar({ home, children }: { home: string; children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a href="#main" className="skip-link">
        {t('app.skipToContent')}
      </a>
      <header className="topbar">
        <Link to={home} className="brand">
          <strong>{t('app.name')}</strong>
          <span>{t('app.tagline')}</span>
        </Link>
        {children}
      </header>
    </>
  );
}
