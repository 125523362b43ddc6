import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

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

/** Errors that carry an HTTP status (the app's ApiError does); ui/ needs to know no more of them. */
function hasStatus(error: unknown, status: number): boolean {
  return typeof error === 'object' && error !== null && (error as { status?: unknown }).status === status;
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
  if (hasStatus(query.error, 404)) {
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
