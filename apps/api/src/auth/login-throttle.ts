import { Injectable, Logger } from '@nestjs/common';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { AppConfig, AppException } from '@portal/server';
import { hashToken } from '../common/token-hash';
import { isLimitReached, RateLimiterStore, retryAfterSeconds, type LimiterState } from '../security/rate-limiter-store';

const DAY_SECONDS = 24 * 3600;

export type ThrottleScope = 'account' | 'ip';

/**
 * Brute-force protection of the login (ASVS 2.2.1): consecutive failures per account and IP address, and failures
 * per IP address over any account. Once a counter reaches its limit the pair (or the address) waits
 * LOGIN_BLOCK_SECONDS; a successful login resets the account counter. Unknown e-mail addresses count like known
 * ones, so the answers reveal nothing. Counting per account *and* address means an attacker elsewhere cannot lock
 * the real person out. E-mail addresses are hashed in the keys: Redis holds no personal data.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger(LoginThrottle.name);
  private readonly byAccount: RateLimiterAbstract;
  private readonly byIp: RateLimiterAbstract;

  constructor(
    private readonly store: RateLimiterStore,
    private readonly config: AppConfig,
  ) {
    this.byAccount = store.limiter({
      name: 'login-account',
      points: config.LOGIN_FAILURES_PER_ACCOUNT,
      durationSeconds: DAY_SECONDS,
    });
    this.byIp = store.limiter({
      name: 'login-ip',
      points: config.LOGIN_FAILURES_PER_IP,
      durationSeconds: DAY_SECONDS,
    });
  }

  /** Throws LOGIN_THROTTLED (429, Retry-After) while the pair or the address is blocked; checked before the password. */
  async assertAllowed(email: string, ip: string | null): Promise<void> {
    const [account, address] = await Promise.all([
      this.state(this.byAccount, this.accountKey(email, ip)),
      this.state(this.byIp, this.ipKey(ip)),
    ]);
    const blocked = [
      account && account.consumedPoints >= this.config.LOGIN_FAILURES_PER_ACCOUNT ? account : null,
      address && address.consumedPoints >= this.config.LOGIN_FAILURES_PER_IP ? address : null,
    ].filter((state): state is NonNullable<LimiterState> => state !== null);
    if (blocked.length > 0) throw throttled(Math.max(...blocked.map(retryAfterSeconds)));
  }

  /** Counts a failure; returns the scopes that became blocked with it (empty when none). */
  async recordFailure(email: string, ip: string | null): Promise<ThrottleScope[]> {
    const results = await Promise.all([
      this.count(this.byAccount, this.accountKey(email, ip), this.config.LOGIN_FAILURES_PER_ACCOUNT),
      this.count(this.byIp, this.ipKey(ip), this.config.LOGIN_FAILURES_PER_IP),
    ]);
    const scopes: ThrottleScope[] = [];
    if (results[0]) scopes.push('account');
    if (results[1]) scopes.push('ip');
    return scopes;
  }

  /** A successful login ends the run of consecutive failures of that account from that address. */
  async recordSuccess(email: string, ip: string | null): Promise<void> {
    await this.byAccount.delete(this.accountKey(email, ip)).catch((error: unknown) => this.storeFailed(error));
  }

  /** The error to answer once a block starts (the attempt that reached the limit). */
  blockedError(): AppException {
    return throttled(this.config.LOGIN_BLOCK_SECONDS);
  }

  private async state(limiter: RateLimiterAbstract, key: string): Promise<LimiterState> {
    this.store.noteFallback();
    try {
      return await limiter.get(key);
    } catch (error) {
      this.storeFailed(error);
      return null;
    }
  }

  /** Adds one failure; blocks the key for LOGIN_BLOCK_SECONDS when it reaches `limit`. True when it did. */
  private async count(limiter: RateLimiterAbstract, key: string, limit: number): Promise<boolean> {
    try {
      const result = await limiter.consume(key);
      if (result.consumedPoints < limit) return false;
    } catch (error) {
      if (!isLimitReached(error)) {
        this.storeFailed(error);
        return false;
      }
    }
    await limiter.block(key, this.config.LOGIN_BLOCK_SECONDS).catch((error: unknown) => this.storeFailed(error));
    return true;
  }

  private accountKey(email: string, ip: string | null): string {
    return `${hashToken(email.trim().toLowerCase())}:${ip ?? 'unknown'}`;
  }

  private ipKey(ip: string | null): string {
    return ip ?? 'unknown';
  }

  /** Both the shared store and its in-memory twin failed: let the login through rather than lock everyone out. */
  private storeFailed(error: unknown): void {
    this.logger.error({ err: error }, 'Login throttle store failed');
  }
}

function throttled(seconds: number): AppException {
  return new AppException('LOGIN_THROTTLED', {
    params: { minutes: Math.max(1, Math.ceil(seconds / 60)) },
    headers: { 'Retry-After': String(seconds) },
  });
}
