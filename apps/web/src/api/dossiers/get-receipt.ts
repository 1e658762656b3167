import { useQuery } from '@tanstack/react-query';
import type { SubmissionReceipt } from '@portal/contracts';
import { api } from '../client';
import { dossierPath, dossierQueryKeys } from './dossier-keys';

export function fetchReceipt(id: string, signal?: AbortSignal): Promise<SubmissionReceipt> {
  return api.get<SubmissionReceipt>(dossierPath(id, '/receipt'), { signal });
}

export function useReceipt(id: string | undefined) {
  return useQuery({
    queryKey: dossierQueryKeys.receipt(id ?? ''),
    queryFn: ({ signal }) => fetchReceipt(id ?? '', signal),
    enabled: Boolean(id),
  });
}
