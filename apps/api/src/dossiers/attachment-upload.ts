import { applyDecorators, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes } from '@nestjs/swagger';
import { FIELD_MESSAGES } from '@portal/contracts';
import { AppException } from '@portal/server';
import { RateLimited } from '../security/rate-limited.decorator';
import { AttachmentErrorsInterceptor } from './attachment-errors.interceptor';
import { MAX_ATTACHMENT_BYTES, sniffContentType } from './content-type';
import { StagingStorage, type StagedUpload } from './upload-staging';

/**
 * A route that takes one uploaded file in the part `file` (a dossier's attachment, a report's document): rate limited
 * per user, streamed to a transient file while hashed (never the whole file in memory, ADR 0019), cut off at the size
 * limit, and the transient file removed whatever ends the request.
 */
export function AttachmentUpload(): MethodDecorator {
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    RateLimited('upload'),
    UseInterceptors(
      AttachmentErrorsInterceptor,
      FileInterceptor('file', {
        storage: new StagingStorage(),
        // Browsers send the file name as raw UTF-8 bytes; busboy's default (latin1) turned é into Ã©.
        defParamCharset: 'utf8',
        limits: { fileSize: MAX_ATTACHMENT_BYTES, fieldSize: 1024, files: 1, fields: 5, parts: 8 },
      }),
    ),
  );
}

/** What multer's staging engine hands the handler, as the services take it. */
export function stagedOf(file: (Express.Multer.File & { sha256: string }) | undefined): StagedUpload | undefined {
  return file && { path: file.path, sha256: file.sha256, size: file.size, originalname: file.originalname };
}

/** The checks every upload passes before it is scanned and stored: a file, not too large, of an accepted type. */
export async function acceptedUpload(
  file: StagedUpload | undefined,
): Promise<{ upload: StagedUpload; contentType: string }> {
  if (!file || file.size === 0) {
    throw new AppException('VALIDATION_FAILED', {
      errors: [{ field: 'file', code: 'required', message: FIELD_MESSAGES.fileRequired() }],
    });
  }
  if (file.size > MAX_ATTACHMENT_BYTES) throw new AppException('ATTACHMENT_TOO_LARGE');
  const contentType = await sniffContentType(file.path);
  if (!contentType) throw new AppException('ATTACHMENT_TYPE_REFUSED');
  return { upload: file, contentType };
}
