import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import { RATE_LIMIT_METADATA, RateLimitGuard, type RateLimitedAction } from './rate-limit.guard';

/**
 * Counts every call of the route against the caller's and the address's limit for `action`; over it, the route
 * answers 429 with a stable code and Retry-After before doing anything (an upload is not even read).
 */
export const RateLimited = (action: RateLimitedAction) =>
  applyDecorators(SetMetadata(RATE_LIMIT_METADATA, action), UseGuards(RateLimitGuard));
