import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { CallView } from '@portal/contracts';
import { api } from '../client';
import { callQueryKeys, noteServerTime } from './call-keys';

/** `GET /calls` (public); admins get drafts too with `include=drafts`. */
export async function fetchCalls(includeDrafts = false, signal?: AbortSignal): Promise<CallView[]> {
  const calls = await api.get<CallView[]>('/calls', {
    query: { include: includeDrafts ? 'drafts' : undefined },
    signal,
  });
  const first = calls[0];
  if (first) noteServerTime(first);
  return calls;
}

export function useCalls(includeDrafts = false) {
  return useQuery({
    queryKey: callQueryKeys.list(includeDrafts),
    queryFn: ({ signal }) => fetchCalls(includeDrafts, signal),
    placeholderData: keepPreviousData,
  });
}
