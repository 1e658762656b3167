import { CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { AppException } from '@portal/server';
import type { Request } from 'express';
import { catchError, from, mergeMap, Observable, throwError } from 'rxjs';
import { discardStaged } from './upload-staging';

/**
 * Wraps the upload (listed before FileInterceptor). Multer stops reading at the size limit: tell the applicant in
 * the attachment's own words. And whatever ends the request (a refused form field, a validation error before the
 * handler ran), the upload's transient file goes before the answer does. (A handled upload removed it already.)
 */
@Injectable()
export class AttachmentErrorsInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = context.switchToHttp().getRequest<Request>();
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          from(discardStaged(request.file)).pipe(
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
