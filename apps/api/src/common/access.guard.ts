import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { SESSION_COOKIE } from '@portal/contracts';
import { AppException } from '@portal/server';
import { SessionService } from '../auth/session.service';
import { ACCESS_METADATA, AccessRule, ENROLMENT_METADATA } from './access.decorators';
import type { PortalRequest } from './request-context';

/**
 * Deny by default: a route without @Public(), @Authenticated() or @Roles(...) answers 403 ROUTE_NOT_DECLARED
 * for everyone (and the route-table test fails), so forgetting a rule can never open a route.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: SessionService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return false;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) throw new AppException('ROUTE_NOT_DECLARED');

    const request = context.switchToHttp().getRequest<PortalRequest>();
    const token: unknown = request.cookies?.[SESSION_COOKIE];
    if (typeof token === 'string' && token.length > 0) {
      request.auth = (await this.sessions.resolve(token)) ?? undefined;
    }
    if (rule.kind === 'public') return true;
    if (!request.auth) throw new AppException('AUTH_REQUIRED');
    if (request.auth.user.secondFactorEnrolmentRequired && !this.allowedDuringEnrolment(context)) {
      throw new AppException('SECOND_FACTOR_ENROLMENT_REQUIRED');
    }
    if (rule.kind === 'roles' && !rule.roles.some((role) => request.auth!.user.roles.includes(role))) {
      throw new AppException('FORBIDDEN');
    }
    return true;
  }

  private allowedDuringEnrolment(context: ExecutionContext): boolean {
    return (
      this.reflector.getAllAndOverride<boolean | undefined>(ENROLMENT_METADATA, [
        context.getHandler(),
        context.getClass(),
      ]) === true
    );
  }
}
