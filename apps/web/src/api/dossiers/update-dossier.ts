import type { DossierDraftInput, DossierView } from '@portal/contracts';
import { api, isApiError } from '../client';
import { dossierPath } from './dossier-keys';

/** Saves the changed fields; `version` is the one the changes were made on (optimistic lock). */
export function patchDossier(id: string, version: number, changes: DossierDraftInput): Promise<DossierView> {
  return api.patch<DossierView>(dossierPath(id), changes, { headers: { 'If-Match': String(version) } });
}

/** The working copy's current state when a save lost the optimistic-lock race (`current` member of the problem). */
export function conflictingVersion(error: unknown): DossierView | null {
  if (!isApiError(error) || error.code !== 'VERSION_CONFLICT') return null;
  const current = error.extensions.current;
  return typeof current === 'object' && current !== null ? (current as DossierView) : null;
}
