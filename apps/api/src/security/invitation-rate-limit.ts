import { Injectable } from '@nestjs/common';
import { AppConfig, AppException } from '@portal/server';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { isLimitReached, RateLimiterStore, retryAfterSeconds } from './rate-limiter-store';

/**
 * Invitations send mail from the portal's own address to any address: limited per person (INVITE_LIMIT_PER_USER) and
 * per organisation or local government (INVITE_LIMIT_PER_APPLICANT, all its admins together) within
 * RATE_LIMIT_WINDOW_SECONDS. Counted after the caller proved to be an admin of the applicant, so nobody can spend an
 * organisation's allowance but its own admins. Over a limit: 429 INVITATION_RATE_LIMITED with Retry-After.
 */
@Injectable()
export class InvitationRateLimit {
  private readonly perUser: RateLimiterAbstract;
  private readonly perApplicant: RateLimiterAbstract;

  constructor(store: RateLimiterStore, config: AppConfig) {
    const durationSeconds = config.RATE_LIMIT_WINDOW_SECONDS;
    this.perUser = store.limiter({ name: 'invite-user', points: config.INVITE_LIMIT_PER_USER, durationSeconds });
    this.perApplicant = store.limiter({
      name: 'invite-applicant',
      points: config.INVITE_LIMIT_PER_APPLICANT,
      durationSeconds,
    });
  }

  async consume(userId: string, applicantId: string): Promise<void> {
    await this.take(this.perUser, userId);
    try {
      await this.take(this.perApplicant, applicantId);
    } catch (error) {
      // Refused for the organisation: nothing was sent, so it does not count against the person either.
      await this.perUser.reward(userId).catch(() => undefined);
      throw error;
    }
  }

  private async take(limiter: RateLimiterAbstract, key: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (error) {
      if (!isLimitReached(error)) throw error;
      const seconds = retryAfterSeconds(error);
      throw new AppException('INVITATION_RATE_LIMITED', {
        params: { seconds },
        headers: { 'Retry-After': String(seconds) },
      });
    }
  }
}
