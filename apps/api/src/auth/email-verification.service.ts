import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { WEB_ROUTES, webUrl, type UserView } from '@portal/contracts';
import { formatBrussels } from '@portal/domain';
import { AppConfig, AppException, AuditRepository, hashToken, NotificationRepository } from '@portal/server';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import { DataSource, EntityManager } from 'typeorm';
import type { AuthContext } from '../common/request-context';
import { isLimitReached, RateLimiterStore, retryAfterSeconds } from '../security/rate-limiter-store';
import { UserRepository } from '../users/user.repository';
import { toUserView } from '../users/user-view';
import { EmailVerificationRepository } from './email-verification.repository';

/** How long a confirmation link works. */
export const EMAIL_VERIFICATION_HOURS = 48;
/** Confirmation mails a person may ask for again per RATE_LIMIT_WINDOW_SECONDS (the route's IP limit comes on top). */
export const EMAIL_VERIFICATION_RESENDS_PER_USER = 5;

/** How an address came to be confirmed; stored in the audit record. */
export type AddressConfirmedVia = 'link' | 'applicant_invitation' | 'staff_invitation';

/**
 * Confirming e-mail addresses (ADR 0014): a new account gets a single-use link that expires after
 * EMAIL_VERIFICATION_HOURS; only the token's SHA-256 is stored and the link leaves the notification row once sent.
 * A new link ends the earlier ones. Accepting an invitation that was mailed to the address confirms it too.
 */
@Injectable()
export class EmailVerificationService {
  private readonly resendLimit: RateLimiterAbstract;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: EmailVerificationRepository,
    private readonly users: UserRepository,
    private readonly notifications: NotificationRepository,
    private readonly audit: AuditRepository,
    private readonly config: AppConfig,
    store: RateLimiterStore,
  ) {
    this.resendLimit = store.limiter({
      name: 'email-verification-user',
      points: EMAIL_VERIFICATION_RESENDS_PER_USER,
      durationSeconds: config.RATE_LIMIT_WINDOW_SECONDS,
    });
  }

  /** Mails a new link to the person's address (ending earlier ones), in the caller's transaction. */
  async issue(userId: string, requestId: string | null, manager: EntityManager): Promise<void> {
    // The row lock serialises two requests of the same person: one usable link remains.
    const user = await this.users.findByIdForUpdate(userId, manager);
    if (user.emailVerifiedAt) throw new AppException('EMAIL_ALREADY_VERIFIED');
    const token = randomBytes(32).toString('base64url');
    const link = await this.links.issue(user.id, user.email, hashToken(token), EMAIL_VERIFICATION_HOURS, manager);
    await this.notifications.enqueue(
      {
        template: 'auth.email_verification',
        recipient: user.email,
        locale: user.locale,
        subjectRef: user.id,
        payload: {
          recipientName: user.displayName,
          verifyUrl: webUrl(this.config.APP_URL, WEB_ROUTES.verifyEmail(token)),
          expiresAtBrussels: formatBrussels(link.expiresAt, false),
        },
      },
      manager,
    );
    await this.audit.record(
      {
        actorUserId: user.id,
        action: 'user.email_verification_issued',
        entityType: 'user',
        entityId: user.id,
        after: {
          email: user.email,
          verificationId: link.id,
          expiresAt: link.expiresAt.toISOString(),
          earlierLinksEnded: link.linksEnded,
        },
        requestId,
      },
      manager,
    );
  }

  /** "Send the mail again": rate-limited per person; refused once the address is confirmed. */
  async resend(auth: AuthContext): Promise<void> {
    if (auth.user.emailVerified) throw new AppException('EMAIL_ALREADY_VERIFIED');
    try {
      await this.resendLimit.consume(auth.user.id);
    } catch (error) {
      if (!isLimitReached(error)) throw error;
      const seconds = retryAfterSeconds(error);
      throw new AppException('EMAIL_VERIFICATION_RATE_LIMITED', {
        params: { seconds },
        headers: { 'Retry-After': String(seconds) },
      });
    }
    await this.dataSource.transaction((manager) => this.issue(auth.user.id, auth.requestId, manager));
  }

  /** Uses up the link and confirms the address it was sent to, if that is still the account's address. */
  async confirm(token: string, requestId: string | null): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const link = await this.links.findUsableForUpdate(hashToken(token), manager);
      if (!link) throw new AppException('EMAIL_VERIFICATION_INVALID');
      const confirmed = await this.confirmAddress(link.userId, link.email, 'link', requestId, manager, link.id);
      if (!confirmed) throw new AppException('EMAIL_VERIFICATION_INVALID');
      return toUserView(await this.users.findByIdForUpdate(link.userId, manager));
    });
  }

  /**
   * Marks the address confirmed (when it is still the account's and not confirmed yet), ends every link of the
   * person and records it; returns whether it changed anything. Used by the link and by invitations mailed to the
   * address (the person proved they read mail sent there).
   */
  async confirmAddress(
    userId: string,
    email: string,
    via: AddressConfirmedVia,
    requestId: string | null,
    manager: EntityManager,
    verificationId: string | null = null,
  ): Promise<boolean> {
    const verifiedAt = await this.links.confirmAddress(userId, email, manager);
    if (!verifiedAt) return false;
    const linksEnded = await this.links.revokeAllOfUser(userId, manager);
    await this.audit.record(
      {
        actorUserId: userId,
        action: 'user.email_verified',
        entityType: 'user',
        entityId: userId,
        before: { emailVerifiedAt: null },
        after: { email, emailVerifiedAt: verifiedAt.toISOString(), via, verificationId, linksEnded },
        requestId,
      },
      manager,
    );
    return true;
  }
}
