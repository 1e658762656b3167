import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { NotificationPage, NotificationStatus, NotificationTemplate, NotificationView } from '@portal/contracts';
import { api } from './client';

export type { NotificationPage };

export const NOTIFICATIONS_QUERY_KEY = ['notifications'] as const;
export const NOTIFICATION_PAGE_SIZE = 50;

export interface NotificationFilter {
  status?: NotificationStatus;
  template?: NotificationTemplate;
  /** Exact address (the API compares in lower case). */
  recipient?: string;
  /** Exact reference (a dossier reference, or the applicant id of an invitation). */
  subjectRef?: string;
  page: number;
  pageSize: number;
}

export const notificationQueryKeys = {
  list: (filter: NotificationFilter) => [...NOTIFICATIONS_QUERY_KEY, 'list', filter] as const,
};

/** `GET /notifications` (admins): the notification log, newest first. */
export function fetchNotifications(filter: NotificationFilter, signal?: AbortSignal): Promise<NotificationPage> {
  return api.get<NotificationPage>('/notifications', {
    query: {
      status: filter.status,
      template: filter.template,
      recipient: filter.recipient,
      subjectRef: filter.subjectRef,
      page: filter.page,
      pageSize: filter.pageSize,
    },
    signal,
  });
}

/** `POST /notifications/:id/resend`: back to `pending`, so the relay queues it again. */
export function resendNotification(id: string): Promise<NotificationView> {
  return api.post<NotificationView>(`/notifications/${encodeURIComponent(id)}/resend`);
}

export function useNotifications(filter: NotificationFilter) {
  return useQuery({
    queryKey: notificationQueryKeys.list(filter),
    queryFn: ({ signal }) => fetchNotifications(filter, signal),
    placeholderData: keepPreviousData,
    staleTime: 0,
  });
}

/**
 * Puts a mail back in the outbox (the argument is the notification's id). The row shows its new state in place on the
 * page `filter` lists (even when the status filter would now leave it out); other pages load fresh when opened.
 */
export function useResendNotification(
  filter: NotificationFilter,
  options: { onResent?: (view: NotificationView) => void; onStart?: () => void } = {},
) {
  const queryClient = useQueryClient();
  return useMutation<NotificationView, unknown, string>({
    mutationFn: resendNotification,
    onMutate: () => options.onStart?.(),
    onSuccess: (view) => {
      queryClient.setQueryData<NotificationPage>(notificationQueryKeys.list(filter), (page) =>
        page ? { ...page, items: page.items.map((item) => (item.id === view.id ? view : item)) } : page,
      );
      options.onResent?.(view);
    },
  });
}
