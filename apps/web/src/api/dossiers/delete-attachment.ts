import { api } from '../client';
import { dossierPath } from './dossier-keys';

export function deleteAttachment(dossierId: string, attachmentId: string): Promise<void> {
  return api.delete<void>(dossierPath(dossierId, `/attachments/${encodeURIComponent(attachmentId)}`));
}
