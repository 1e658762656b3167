import { Injectable } from '@nestjs/common';
import { AppConfig, AppException, AuditRepository, type UserEntity } from '@portal/server';

/**
 * Which accounts must sign in through the identity service (OIDC_REQUIRED_FOR_ROLES): a password login of such an
 * account is refused with SSO_REQUIRED. Asked by the password login only after the password was verified, so a guess
 * does not learn the account's roles.
 */
@Injectable()
export class SsoPolicy {
  constructor(
    private readonly config: AppConfig,
    private readonly audit: AuditRepository,
  ) {}

  async assertPasswordLoginAllowed(
    user: Pick<UserEntity, 'id' | 'roles'>,
    client: { ip: string | null; requestId: string | null },
  ): Promise<void> {
    const required = this.config.oidcRequiredForRoles.filter((role) => user.roles.includes(role));
    if (!this.config.oidcEnabled || required.length === 0) return;
    await this.audit.record({
      actorUserId: null,
      action: 'auth.login_refused_sso_required',
      entityType: 'user',
      entityId: user.id,
      after: { ip: client.ip, roles: required },
      requestId: client.requestId,
    });
    throw new AppException('SSO_REQUIRED');
  }
}
