import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { AppException } from '@portal/server';
import type { PortalRequest } from '../common/request-context';
import { CsrfService } from './csrf.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Every state-changing request carries the CSRF token in X-CSRF-Token, login included. */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(private readonly csrf: CsrfService) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<PortalRequest>();
    if (SAFE_METHODS.has(request.method)) return true;
    if (!this.csrf.isValid(request)) throw new AppException('CSRF_INVALID');
    return true;
  }
}
