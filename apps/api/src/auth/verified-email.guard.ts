import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AppException } from '@portal/server';
import type { PortalRequest } from '../common/request-context';

export const VERIFIED_EMAIL_METADATA = 'portal:verified-email';

/**
 * Marks routes (or a whole controller) through which a person acts for an organisation or local government: their
 * state-changing requests need a confirmed e-mail address (403 EMAIL_NOT_VERIFIED). Reading stays open, so a person
 * can still see where they stand.
 */
export const RequiresVerifiedEmail = () => SetMetadata(VERIFIED_EMAIL_METADATA, true);

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Global guard after the AccessGuard (which resolved the session). */
@Injectable()
export class VerifiedEmailGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const required = this.reflector.getAllAndOverride<boolean | undefined>(VERIFIED_EMAIL_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!required) return true;
    const request = context.switchToHttp().getRequest<PortalRequest>();
    if (SAFE_METHODS.has(request.method)) return true;
    if (request.auth && !request.auth.user.emailVerified) throw new AppException('EMAIL_NOT_VERIFIED');
    return true;
  }
}
