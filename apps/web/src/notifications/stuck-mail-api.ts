import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BulkResendRequest, BulkResendResult, StuckMailList } from '@portal/contracts';
import { api } from '../api/client';
import { NOTIFICATIONS_QUERY_KEY } from '../api/notifications';

export const stuckMailQueryKey = [...NOTIFICATIONS_QUERY_KEY, 'stuck'] as const;

/** `GET /notifications/stuck` (admins): failed mail, and mail not sent a quarter of an hour after it was written. */
export function fetchStuckMail(signal?: AbortSignal): Promise<StuckMailList> {
  return api.get<StuckMailList>('/notifications/stuck', { signal });
}

/** `POST /notifications/resend`: many back in the outbox at once; the answer says which were not and why. */
export function resendMany(request: BulkResendRequest): Promise<BulkResendResult> {
  return api.post<BulkResendResult>('/notifications/resend', request);
}

export function useStuckMail() {
  return useQuery({ queryKey: stuckMailQueryKey, queryFn: ({ signal }) => fetchStuckMail(signal), staleTime: 0 });
}

/** Resends, then reloads the stuck list and the log (both changed). */
export function useResendMany() {
  const queryClient = useQueryClient();
  return useMutation<BulkResendResult, unknown, string[]>({
    mutationFn: (ids) => resendMany({ ids }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: NOTIFICATIONS_QUERY_KEY }),
  });
}
