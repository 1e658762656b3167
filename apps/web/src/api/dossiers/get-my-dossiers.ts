import { useQuery } from '@tanstack/react-query';
import type { DossierSummary } from '@portal/contracts';
import { api } from '../client';
import { dossierQueryKeys } from './dossier-keys';

export function fetchMyDossiers(signal?: AbortSignal): Promise<DossierSummary[]> {
  return api.get<DossierSummary[]>('/dossiers/mine', { signal });
}

export function useMyDossiers() {
  return useQuery({ queryKey: dossierQueryKeys.mine(), queryFn: ({ signal }) => fetchMyDossiers(signal) });
}
