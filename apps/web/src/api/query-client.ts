import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from './client';
import { CURRENT_USER_QUERY_KEY } from '../auth/use-auth';

function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!isApiError(error)) return false;
  const transient = error.isNetworkError || error.status === 502 || error.status === 503 || error.status === 504;
  return transient && failureCount < 2;
}

export function createQueryClient(): QueryClient {
  // When any call reports that the session is gone, forget the user: route guards then send them to /login.
  const onError = (error: unknown): void => {
    if (isApiError(error) && error.status === 401 && error.code === 'AUTH_REQUIRED') {
      queryClient.setQueryData(CURRENT_USER_QUERY_KEY, null);
    }
  };
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError }),
    mutationCache: new MutationCache({ onError }),
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
