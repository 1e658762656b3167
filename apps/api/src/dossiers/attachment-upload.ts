import {
  applyDecorators,
  Injectable,
  UseInterceptors,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiConsumes } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { RateLimited } from '../security/rate-limited.decorator';
import { AttachmentErrorsInterceptor } from './attachment-errors.interceptor';
import { MAX_ATTACHMENT_BYTES } from './content-type';
import { StagingStorage, UploadStaging, type StagedUpload } from './upload-staging';

/**
 * Nest's FileInterceptor for the part `file`, with the storage engine that stages it in the database (its
 * UploadStaging comes from the module, so the engine cannot be built in a decorator). Nothing falls back to multer's
 * memory or disk storage.
 */
@Injectable()
export class AttachmentFileInterceptor implements NestInterceptor {
  private readonly multer: NestInterceptor;

  constructor(staging: UploadStaging) {
    const Interceptor = FileInterceptor('file', {
      storage: new StagingStorage(staging),
      // Browsers send the file name as raw UTF-8 bytes; busboy's default (latin1) turned é into Ã©.
      defParamCharset: 'utf8',
      limits: { fileSize: MAX_ATTACHMENT_BYTES, fieldSize: 1024, files: 1, fields: 5, parts: 8 },
    });
    // Its only constructor argument is MulterModule's options, which this API does not register.
    this.multer = new Interceptor({});
  }

  intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> | Observable<unknown> {
    return this.multer.intercept(context, next);
  }
}

/**
 * A route that takes one uploaded file in the part `file` (a dossier's attachment, a report's document): rate limited
 * per user, staged in the database as it arrives while hashed (never the whole file in memory, never on local disk,
 * ADR 0019), cut off at the size limit, and the staging rows removed whatever ends the request.
 */
export function AttachmentUpload(): MethodDecorator {
  return applyDecorators(
    ApiConsumes('multipart/form-data'),
    RateLimited('upload'),
    UseInterceptors(AttachmentErrorsInterceptor, AttachmentFileInterceptor),
  );
}

/** The `@UploadedFile()` of an AttachmentUpload route: what multer knows, and what the staging engine added. */
export type UploadedAttachment = Express.Multer.File & Partial<StagedUpload>;

/** What the staging engine hands the handler, as the services take it. */
export function stagedOf(file: UploadedAttachment | undefined): StagedUpload | undefined {
  if (!file) return undefined;
  if (!file.uploadId || !file.sha256 || file.size === undefined) throw new Error('Upload not staged');
  return { uploadId: file.uploadId, sha256: file.sha256, size: file.size, originalname: file.originalname };
}
