import { CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { AppException } from '@portal/server';
import type { Request } from 'express';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { UploadStaging, type StagedUpload } from './upload-staging';

/**
 * Wraps the upload (listed before AttachmentFileInterceptor). Multer stops reading at the size limit: tell the
 * applicant in the attachment's own words. And whatever ends the request (a refused form field, a validation error
 * before the handler ran), the upload's staging rows go before the answer does. (A handled upload removed them.)
 */
@Injectable()
export class AttachmentErrorsInterceptor implements NestInterceptor {
  constructor(private readonly staging: UploadStaging) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          from(this.staging.discard(request.file as Partial<StagedUpload> | undefined)).pipe(
            mergeMap(() =>
              throwError(() =>
                error instanceof PayloadTooLargeException ? new AppException('ATTACHMENT_TOO_LARGE') : error,
              ),
            ),
          ),
        ),
      );
  }
}
