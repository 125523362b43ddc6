import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface QueryStateProps<T> {
  query: { data: T | undefined; isPending: boolean; isError: boolean; refetch: () => unknown };
  children: (data: T) => ReactNode;
}

/** Loading, failure with retry, or the content: the three states every fetched view has. */
export function QueryState<T>({ query, children }: QueryStateProps<T>) {
  const { t } = useTranslation();
  if (query.isPending) {
    return (
      <p className="muted" role="status">
        {t('app.loading')}
      </p>
    );
  }
  if (query.isError || query.data === undefined) {
    return (
      <div className="notice notice-error" role="alert">
        {t('app.loadFailed')}{' '}
        <button type="button" onClick={() => void query.refetch()}>
          {t('app.retry')}
        </button>
      </div>
    );
  }
  return <>{children(query.data)}</>;
}
