import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Keeps the tab's title in step after client-side navigation; the server writes the first one. */
export function usePageTitle(title: string | undefined) {
  const { t } = useTranslation();
  useEffect(() => {
    if (title) document.title = `${title} — ${t('app.name')}`;
  }, [title, t]);
}
