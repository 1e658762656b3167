import { useQuery } from '@tanstack/react-query';
import type { CallView } from '@portal/contracts';
import { api, isApiError } from '../client';
import { callQueryKeys, noteServerTime } from './call-keys';
import { fetchCalls } from './get-calls';

export async function fetchCall(id: string, signal?: AbortSignal): Promise<CallView> {
  return noteServerTime(await api.get<CallView>(`/calls/${encodeURIComponent(id)}`, { signal }));
}

export function useCall(id: string | undefined) {
  return useQuery({
    queryKey: callQueryKeys.detail(id ?? ''),
    queryFn: ({ signal }) => fetchCall(id ?? '', signal),
    enabled: Boolean(id),
  });
}

/** Admins may open a draft by id; should `GET /calls/:id` hide drafts, the list with drafts still has it. */
export async function fetchCallForAdmin(id: string, signal?: AbortSignal): Promise<CallView> {
  try {
    return await fetchCall(id, signal);
  } catch (error) {
    if (!(isApiError(error) && error.status === 404)) throw error;
    const match = (await fetchCalls(true, signal)).find((call) => call.id === id);
    if (!match) throw error;
    return match;
  }
}

/** The call editor's call, drafts included; not fetched for a new call (`id` undefined). */
export function useAdminCall(id: string | undefined) {
  return useQuery({
    queryKey: callQueryKeys.detail(id ?? ''),
    queryFn: ({ signal }) => fetchCallForAdmin(id ?? '', signal),
    enabled: id !== undefined,
  });
}
