import { useQuery } from '@tanstack/react-query';
import type { DossierView } from '@portal/contracts';
import { api } from '../client';
import { dossierPath, dossierQueryKeys } from './dossier-keys';

export function fetchDossier(id: string, signal?: AbortSignal): Promise<DossierView> {
  return api.get<DossierView>(dossierPath(id), { signal });
}

export function useDossier(id: string | undefined) {
  return useQuery({
    queryKey: dossierQueryKeys.detail(id ?? ''),
    queryFn: ({ signal }) => fetchDossier(id ?? '', signal),
    enabled: Boolean(id),
  });
}
