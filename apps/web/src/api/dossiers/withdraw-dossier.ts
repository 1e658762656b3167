import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { DossierView } from '@portal/contracts';
import { api } from '../client';
import { dossierPath, dossierQueryKeys } from './dossier-keys';

export function withdrawDossier(id: string): Promise<DossierView> {
  return api.post<DossierView>(dossierPath(id, '/withdraw'));
}

/** Withdraws a submitted dossier; the dossier's view is the answer, the list is refreshed. */
export function useWithdrawDossier(id: string, options: { onSuccess?: (view: DossierView) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation<DossierView, unknown, void>({
    mutationFn: () => withdrawDossier(id),
    onSuccess: (view) => {
      queryClient.setQueryData(dossierQueryKeys.detail(id), view);
      void queryClient.invalidateQueries({ queryKey: dossierQueryKeys.mine() });
      options.onSuccess?.(view);
    },
  });
}
