import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CallInput, CallView } from '@portal/contracts';
import { api } from '../client';
import { CALLS_QUERY_KEY, callQueryKeys } from './call-keys';

export function createCall(input: CallInput): Promise<CallView> {
  return api.post<CallView>('/calls', input);
}

export function updateCall(id: string, version: number, patch: Partial<CallInput>): Promise<CallView> {
  return api.patch<CallView>(`/calls/${encodeURIComponent(id)}`, patch, { headers: { 'If-Match': String(version) } });
}

export function publishCall(id: string): Promise<CallView> {
  return api.post<CallView>(`/calls/${encodeURIComponent(id)}/publish`);
}

/** The saved call is the detail's new state; the lists (with its code, title and status) are refreshed. */
function useKeepCall() {
  const queryClient = useQueryClient();
  return async (view: CallView) => {
    queryClient.setQueryData(callQueryKeys.detail(view.id), view);
    await queryClient.invalidateQueries({ queryKey: [...CALLS_QUERY_KEY, 'list'] });
  };
}

export function useCreateCall() {
  const keep = useKeepCall();
  return useMutation<CallView, unknown, CallInput>({ mutationFn: createCall, onSuccess: keep });
}

/** Saves the changed fields on the version they were made on (`If-Match`: a VERSION_CONFLICT otherwise). */
export function useUpdateCall() {
  const keep = useKeepCall();
  return useMutation<CallView, unknown, { id: string; version: number; patch: Partial<CallInput> }>({
    mutationFn: ({ id, version, patch }) => updateCall(id, version, patch),
    onSuccess: keep,
  });
}

export function usePublishCall() {
  const keep = useKeepCall();
  return useMutation<CallView, unknown, string>({ mutationFn: publishCall, onSuccess: keep });
}
