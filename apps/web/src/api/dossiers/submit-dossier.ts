import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { SubmissionReceipt } from '@portal/contracts';
import { api } from '../client';
import { dossierPath, dossierQueryKeys } from './dossier-keys';

export interface SubmitAttempt {
  /** The same key for a retry of the same attempt lets the server answer it only once. */
  idempotencyKey: string;
  /** The declaration on honour as ticked; the server refuses anything but true (400, field `declaration`). */
  declaration: boolean;
}

/** Submits with the declaration on honour (the server stores its text in the page's language, Accept-Language). */
export function submitDossier(id: string, attempt: SubmitAttempt): Promise<SubmissionReceipt> {
  return api.post<SubmissionReceipt>(
    dossierPath(id, '/submit'),
    { declaration: attempt.declaration },
    { headers: { 'Idempotency-Key': attempt.idempotencyKey } },
  );
}

/** Submits the dossier or subscription; keeps the receipt and refreshes the dossier and list. */
export function useSubmitDossier(id: string) {
  const queryClient = useQueryClient();
  return useMutation<SubmissionReceipt, unknown, SubmitAttempt>({
    mutationFn: (attempt) => submitDossier(id, attempt),
    onSuccess: async (receipt) => {
      queryClient.setQueryData(dossierQueryKeys.receipt(id), receipt);
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: dossierQueryKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: dossierQueryKeys.mine() }),
      ]);
    },
  });
}
