import type { Logger } from '@nestjs/common';
import type { Response } from 'express';
import { pipeline } from 'node:stream/promises';
import type { StoredAttachment } from './attachment-download.repository';
import type { AttachmentStorage } from './attachment-storage';

/**
 * Sends a stored file (a dossier's attachment, a report's document) as a download, chunk by chunk from the shared
 * storage (ADR 0019): memory stays flat, any instance serves any file.
 */
export function sendStoredFile(
  response: Response,
  storage: AttachmentStorage,
  file: StoredAttachment,
  logger: Logger,
): void {
  if (!file.stored) {
    // A row of an earlier version whose file was not imported yet (README: moving attachments into the database).
    throw new Error(`Attachment content ${file.sha256} is not in storage: run npm run attachments:import`);
  }
  // The stored name is the uploader's: quoted ASCII fallback plus the exact UTF-8 name (RFC 6266 / 5987).
  const ascii = file.filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  response
    .status(200)
    .type(file.content_type)
    .setHeader('Content-Length', String(file.size_bytes))
    .setHeader(
      'Content-Disposition',
      `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
    )
    .setHeader('Cache-Control', 'private, no-store');
  pipeline(storage.read(file.sha256, file.size_bytes), response).catch((error: unknown) => {
    logger.error({ sha256: file.sha256, error: String(error) }, 'Attachment download failed');
    response.destroy();
  });
}
