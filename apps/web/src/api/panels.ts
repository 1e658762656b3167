import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PanelInvitationView, ReviewPanelView } from '@portal/contracts';
import { api } from './client';

const enc = encodeURIComponent;

export const panelQueryKey = (callId: string) => ['panel', callId] as const;

/** `GET /calls/:id/panel` (admins): the call's review panel, the staff reviewers to add and open expert invitations. */
export function fetchPanel(callId: string, signal?: AbortSignal): Promise<ReviewPanelView> {
  return api.get<ReviewPanelView>(`/calls/${enc(callId)}/panel`, { signal });
}

export function usePanel(callId: string) {
  return useQuery({ queryKey: panelQueryKey(callId), queryFn: ({ signal }) => fetchPanel(callId, signal) });
}

/** A panel mutation: the answer is the panel afterwards (or, for an invitation, the panel is reloaded). */
function usePanelMutation<TInput, TResult>(callId: string, mutationFn: (input: TInput) => Promise<TResult>) {
  const client = useQueryClient();
  return useMutation<TResult, unknown, TInput>({
    mutationFn,
    onSuccess: (result) => {
      if (result && typeof result === 'object' && 'members' in result) {
        client.setQueryData(panelQueryKey(callId), result);
      } else {
        void client.invalidateQueries({ queryKey: panelQueryKey(callId) });
      }
    },
  });
}

export function useSavePanelSettings(callId: string) {
  return usePanelMutation(callId, (input: { perDossier: number; dueAt: string | null }) =>
    api.put<ReviewPanelView>(`/calls/${enc(callId)}/panel`, input),
  );
}

export function useAddPanelMember(callId: string) {
  return usePanelMutation(callId, (userId: string) =>
    api.post<ReviewPanelView>(`/calls/${enc(callId)}/panel/members`, { userId }),
  );
}

export function useRemovePanelMember(callId: string) {
  return usePanelMutation(callId, (userId: string) =>
    api.delete<ReviewPanelView>(`/calls/${enc(callId)}/panel/members/${enc(userId)}`),
  );
}

export function useInviteExpert(callId: string) {
  return usePanelMutation(callId, (email: string) =>
    api.post<PanelInvitationView>(`/calls/${enc(callId)}/panel/experts`, { email }),
  );
}
