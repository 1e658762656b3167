import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DossierView } from '@portal/contracts';
import { api } from '../client';
import { dossierQueryKeys } from './dossier-keys';

/** `POST /calls/:callId/dossiers`: creates the dossier, or returns the applicant's live one for this call. */
export function startDossier(callId: string, applicantId: string): Promise<DossierView> {
  return api.post<DossierView>(`/calls/${encodeURIComponent(callId)}/dossiers`, { applicantId });
}

/** Starts (or opens) the applicant's dossier for a call (the argument is the applicant's id). */
export function useStartDossier(callId: string) {
  const queryClient = useQueryClient();
  return useMutation<DossierView, unknown, string>({
    mutationFn: (applicantId) => startDossier(callId, applicantId),
    onSuccess: async (dossier) => {
      queryClient.setQueryData(dossierQueryKeys.detail(dossier.id), dossier);
      await queryClient.invalidateQueries({ queryKey: dossierQueryKeys.mine() });
    },
  });
}
