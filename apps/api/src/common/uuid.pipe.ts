import { ParseUUIDPipe } from '@nestjs/common';
import { AppException } from '@portal/server';

/** A malformed id cannot exist: answer 404 like any unknown id, never 400 or 500. */
export const UUID_PIPE = new ParseUUIDPipe({ exceptionFactory: () => new AppException('NOT_FOUND') });
