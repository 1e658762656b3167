import type { DossierView } from '@portal/contracts';
import { api } from '../client';

/** `POST /calls/:callId/dossiers`: creates the dossier, or returns the applicant's live one for this call. */
export function startDossier(callId: string, applicantId: string): Promise<DossierView> {
  return api.post<DossierView>(`/calls/${encodeURIComponent(callId)}/dossiers`, { applicantId });
}
