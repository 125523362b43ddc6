import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../app/http.ts';

interface QueryStateProps<T> {
  query: {
    data: T | undefined;
    isPending: boolean;
    isError: boolean;
    error: unknown;
    refetch: () => unknown;
  };
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
  if (isApiError(query.error, 404)) {
    return (
      <p className="notice" role="alert">
        {t('app.notFound')}
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
