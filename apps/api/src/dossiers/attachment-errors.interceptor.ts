import { CallHandler, ExecutionContext, Injectable, NestInterceptor, PayloadTooLargeException } from '@nestjs/common';
import { AppException } from '@portal/server';
import { catchError, Observable, throwError } from 'rxjs';

/** Multer stops reading at the size limit; tell the applicant in the attachment's own words. */
@Injectable()
export class AttachmentErrorsInterceptor implements NestInterceptor {
  intercept(_context: ExecutionContext, next: CallHandler): Observable<unknown> {
    return next
      .handle()
      .pipe(
        catchError((error: unknown) =>
          throwError(() =>
            error instanceof PayloadTooLargeException ? new AppException('ATTACHMENT_TOO_LARGE') : error,
          ),
        ),
      );
  }
}
