import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { ErrorCode } from '@portal/contracts';
import { AppConfig, AppException } from '@portal/server';
import type { RateLimiterAbstract, RateLimiterRes } from 'rate-limiter-flexible';
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
    const ipKey = request.ip ?? 'unknown';
    // Both counters at once: the store's client pipelines the two commands into one round trip to Redis.
    const [byUser, byIp] = await Promise.all([
      perUser ? this.consume(perUser, userKey) : null,
      this.consume(perIp, ipKey),
    ]);
    const refused = byUser ?? byIp;
    if (!refused) return true;
    // The request does nothing, so it counts against neither: the counter that let it through gets its point back.
    if (!byUser) await perUser?.reward(userKey).catch(() => undefined);
    if (!byIp) await perIp.reward(ipKey).catch(() => undefined);
    const seconds = retryAfterSeconds(refused);
    throw new AppException(code, { params: { seconds }, headers: { 'Retry-After': String(seconds) } });
  }

  /** Takes a point; returns the limiter's answer when the key is out of points, null when the request may go on. */
  private async consume(limiter: RateLimiterAbstract, key: string): Promise<RateLimiterRes | null> {
    try {
      await limiter.consume(key);
      return null;
    } catch (error) {
      if (isLimitReached(error)) return error;
      // Neither Redis nor the in-memory twin answered: an applicant on deadline day goes before a counter.
      this.logger.error({ err: error }, 'Rate limit store failed; request let through');
      return null;
    }
  }
}
