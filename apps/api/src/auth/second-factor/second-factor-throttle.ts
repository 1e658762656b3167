import { Injectable, Logger } from '@nestjs/common';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppConfig, AppException } from '@portal/server';
import { isLimitReached, RateLimiterStore, retryAfterSeconds } from '../../security/rate-limiter-store';

const DAY_SECONDS = 24 * 3600;

/**
 * Wrong second-factor codes per account (login, disable, new recovery codes alike): after TOTP_FAILURES_PER_ACCOUNT
 * the account waits LOGIN_BLOCK_SECONDS (429 SECOND_FACTOR_THROTTLED with Retry-After), whatever challenge it uses:
 * a new password login does not buy new guesses. Six digits are a million codes; a few guesses per block leave an
 * attacker who has the password no real chance. A right code resets the count.
 */
@Injectable()
export class SecondFactorThrottle {
  private readonly logger = new Logger(SecondFactorThrottle.name);
  private readonly limiter: RateLimiterAbstract;

  constructor(
    private readonly store: RateLimiterStore,
    private readonly config: AppConfig,
  ) {
    this.limiter = store.limiter({
      name: 'second-factor',
      points: config.TOTP_FAILURES_PER_ACCOUNT,
      durationSeconds: DAY_SECONDS,
    });
  }

  async assertAllowed(userId: string): Promise<void> {
    this.store.noteFallback();
    const state = await this.limiter.get(userId).catch((error: unknown) => this.storeFailed(error));
    if (state && state.consumedPoints >= this.config.TOTP_FAILURES_PER_ACCOUNT) {
      throw throttled(retryAfterSeconds(state));
    }
  }

  /** Counts a wrong code; true when the account became blocked with it. */
  async recordFailure(userId: string): Promise<boolean> {
    try {
      const result = await this.limiter.consume(userId);
      if (result.consumedPoints < this.config.TOTP_FAILURES_PER_ACCOUNT) return false;
    } catch (error) {
      if (!isLimitReached(error)) {
        this.storeFailed(error);
        return false;
      }
    }
    await this.limiter
      .block(userId, this.config.LOGIN_BLOCK_SECONDS)
      .catch((error: unknown) => this.storeFailed(error));
    return true;
  }

  async recordSuccess(userId: string): Promise<void> {
    await this.limiter.delete(userId).catch((error: unknown) => this.storeFailed(error));
  }

  blockedError(): AppException {
    return throttled(this.config.LOGIN_BLOCK_SECONDS);
  }

  private storeFailed(error: unknown): null {
    this.logger.error({ err: error }, 'Second-factor throttle store failed');
    return null;
  }
}

function throttled(seconds: number): AppException {
  return new AppException('SECOND_FACTOR_THROTTLED', {
    params: { minutes: Math.max(1, Math.ceil(seconds / 60)) },
    headers: { 'Retry-After': String(seconds) },
  });
}
