import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './http.ts';

/** The one cache of server data; the router's loaders prefetch into it before pages render. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (401, 403, 404) will not change on retry; only transient failures are retried.
      retry: (failureCount, error) => failureCount < 2 && !(isApiError(error) && error.status < 500),
    },
  },
});
