import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SubmissionReceipt } from '@portal/contracts';
import { api } from '../client';
import { dossierPath, dossierQueryKeys } from './dossier-keys';

/** Submits; the same key for a retry of the same attempt lets the server answer it only once. */
export function submitDossier(id: string, idempotencyKey: string): Promise<SubmissionReceipt> {
  return api.post<SubmissionReceipt>(dossierPath(id, '/submit'), undefined, {
    headers: { 'Idempotency-Key': idempotencyKey },
  });
}

/** Submits the dossier (the argument is the Idempotency-Key); keeps the receipt and refreshes the dossier and list. */
export function useSubmitDossier(id: string) {
  const queryClient = useQueryClient();
  return useMutation<SubmissionReceipt, unknown, string>({
    mutationFn: (idempotencyKey) => submitDossier(id, idempotencyKey),
    onSuccess: async (receipt) => {
      queryClient.setQueryData(dossierQueryKeys.receipt(id), receipt);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: dossierQueryKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: dossierQueryKeys.mine() }),
      ]);
    },
  });
}
