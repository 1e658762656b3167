import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { AppException } from '@portal/server';
import { requestIdOf, type AuthContext, type PortalRequest } from './request-context';

/** The logged-in user and session, with the request's id; only on routes that require authentication. */
export const CurrentAuth = createParamDecorator((_data: unknown, context: ExecutionContext): AuthContext => {
  const request = context.switchToHttp().getRequest<PortalRequest>();
  if (!request.auth) throw new AppException('AUTH_REQUIRED');
  return { ...request.auth, requestId: requestIdOf(request) };
});
