import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ErrorCode } from '@portal/contracts';
import { AppConfig, AppException } from '@portal/server';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { PortalRequest } from '../common/request-context';
import { isLimitReached, RateLimiterStore, retryAfterSeconds } from './rate-limiter-store';

export const RATE_LIMIT_METADATA = 'portal:rate-limit';

/** Actions with their own limits per user and per IP address (RATE_LIMIT_WINDOW_SECONDS and the *_LIMIT_* settings). */
export type RateLimitedAction = 'submit' | 'upload' | 'account';

interface ActionLimits {
  code: ErrorCode;
  /** Absent for actions of anonymous visitors (account creation): only their address is counted. */
  perUser?: RateLimiterAbstract;
  perIp: RateLimiterAbstract;
}

/** Runs after the access guard (a controller guard), so the caller is known. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly logger = new Logger(RateLimitGuard.name);
  private readonly limits: Record<RateLimitedAction, ActionLimits>;

  constructor(
    private readonly reflector: Reflector,
    private readonly store: RateLimiterStore,
    config: AppConfig,
  ) {
    const window = config.RATE_LIMIT_WINDOW_SECONDS;
    const limiter = (name: string, points: number) => store.limiter({ name, points, durationSeconds: window });
    this.limits = {
      submit: {
        code: 'SUBMIT_RATE_LIMITED',
        perUser: limiter('submit-user', config.SUBMIT_LIMIT_PER_USER),
        perIp: limiter('submit-ip', config.SUBMIT_LIMIT_PER_IP),
      },
      upload: {
        code: 'UPLOAD_RATE_LIMITED',
        perUser: limiter('upload-user', config.UPLOAD_LIMIT_PER_USER),
        perIp: limiter('upload-ip', config.UPLOAD_LIMIT_PER_IP),
      },
      account: {
        code: 'ACCOUNT_RATE_LIMITED',
        perIp: limiter('account-ip', config.ACCOUNT_LIMIT_PER_IP),
      },
    };
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const action = this.reflector.get<RateLimitedAction | undefined>(RATE_LIMIT_METADATA, context.getHandler());
    if (!action) return true;
    const request = context.switchToHttp().getRequest<PortalRequest>();
    const { code, perUser, perIp } = this.limits[action];
    this.store.noteFallback();
    const userKey = request.auth?.user.id ?? 'anonymous';
    if (perUser) await this.consume(perUser, userKey, code);
    try {
      await this.consume(perIp, request.ip ?? 'unknown', code);
    } catch (error) {
      // Refused for the address: the request did nothing, so it does not count against the person either.
      await perUser?.reward(userKey).catch(() => undefined);
      throw error;
    }
    return true;
  }

  private async consume(limiter: RateLimiterAbstract, key: string, code: ErrorCode): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (isLimitReached(error)) {
        const seconds = retryAfterSeconds(error);
        throw new AppException(code, { params: { seconds }, headers: { 'Retry-After': String(seconds) } });
      }
      // Neither Redis nor the in-memory twin answered: an applicant on deadline day goes before a counter.
      this.logger.error({ err: error }, 'Rate limit store failed; request let through');
    }
  }
}
