import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SSO_VERIFICATION_MOTIVATION, type Role, type UserView } from '@portal/contracts';
import { AppConfig, AppException, AuditRepository, type UserEntity } from '@portal/server';
import { DataSource, type EntityManager } from 'typeorm';
import type { ClientInfo } from '../auth/auth.service';
import { SessionService } from '../auth/session.service';
import { EmailTakenError, UserRepository } from '../users/user.repository';
import { toUserView } from '../users/user-view';
import { rolesAfterSignIn, sortRoles, type OidcPerson } from './oidc-claims';
import { OidcIdentityRepository } from './oidc-identity.repository';

type Audit = (
  action: string,
  entityType: string,
  entityId: string,
  details: { before?: Record<string, unknown>; after?: Record<string, unknown> },
) => Promise<void>;

/**
 * A sign-in through the identity service, in one transaction: find the account linked to the identity (issuer +
 * subject) or link/create one, apply the roles and the organisations the claims give, and open the portal session
 * (the same session, cookie and CSRF token as a password login). Everything is audited in the same transaction.
 */
@Injectable()
export class OidcSignInService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly identities: OidcIdentityRepository,
    private readonly users: UserRepository,
    private readonly sessions: SessionService,
    private readonly audit: AuditRepository,
    private readonly config: AppConfig,
  ) {}

  async signIn(person: OidcPerson, client: ClientInfo): Promise<{ user: UserView; token: string; expiresAt: Date }> {
    const refusal = await this.dataSource.transaction(async (manager) => {
      const audit: Audit = (action, entityType, entityId, details) =>
        this.audit.record(
          { actorUserId: null, action, entityType, entityId, ...details, requestId: client.requestId },
          manager,
        );
      await this.identities.lockSubject(person.issuer, person.subject, manager);
      const user = await this.accountFor(person, manager, audit);
      if (!user) return 'SSO_EMAIL_IN_USE' as const;
      if (user.deactivatedAt) {
        await audit('auth.login_refused_deactivated', 'user', user.id, {
          after: { ip: client.ip, via: 'oidc' },
        });
        return 'ACCOUNT_DEACTIVATED' as const;
      }
      const withActor: Audit = (action, entityType, entityId, details) =>
        this.audit.record(
          { actorUserId: user.id, action, entityType, entityId, ...details, requestId: client.requestId },
          manager,
        );
      const roles = await this.applyRoles(user, person.roles, manager, withActor);
      const organisations = await this.applyRepresentation(user.id, person.represents, manager, withActor);
      const session = await this.sessions.open(user.id, client, manager);
      await withActor('auth.oidc_login', 'session', session.sessionId, {
        after: {
          issuer: person.issuer,
          subject: person.subject,
          ip: client.ip,
          userAgent: client.userAgent,
          roles,
          organisations,
          ignoredRepresents: person.ignoredRepresents,
        },
      });
      return { user: toUserView({ ...user, roles }), token: session.token, expiresAt: session.expiresAt };
    });
    // Refused after the transaction committed, so the audit record of the refusal stays.
    if (typeof refusal === 'string') throw new AppException(refusal);
    return refusal;
  }

  /** The account linked to the identity; links or creates one at the first sign-in (ADR 0015). */
  private async accountFor(person: OidcPerson, manager: EntityManager, audit: Audit): Promise<UserEntity | null> {
    const identity = await this.identities.find(person.issuer, person.subject, manager);
    if (identity) {
      await this.identities.touch(identity.id, person.email, person.represents, manager);
      return this.lockAccount(identity.userId, manager);
    }
    const existing = await this.users.findByEmail(person.email, manager);
    let user: UserEntity;
    let method: 'new_account' | 'verified_email';
    if (existing) {
      // Only when configured, and only when both sides confirmed the address: else anyone able to choose the
      // address at some identity service could take over the account.
      const linkable =
        this.config.OIDC_LINK_BY_EMAIL === 'true' && person.emailVerified && existing.emailVerifiedAt !== null;
      if (!linkable) {
        await audit('auth.oidc_refused_email_in_use', 'user', existing.id, {
          after: { issuer: person.issuer, subject: person.subject, emailVerifiedByProvider: person.emailVerified },
        });
        return null;
      }
      user = await this.lockAccount(existing.id, manager);
      method = 'verified_email';
    } else {
      // A person acting for organisations (or given no staff role) is an applicant; staff roles come from the claim.
      const base: Role[] = person.represents.length > 0 || person.roles.length === 0 ? ['applicant'] : [];
      user = await this.users
        .insert(
          {
            email: person.email,
            displayName: person.displayName,
            passwordHash: null,
            roles: rolesAfterSignIn(base, person.roles, this.mappableRoles()),
            locale: 'nl',
          },
          manager,
        )
        .catch((error: unknown) => {
          // Registered with a password in the meantime: refused like an address in use (the transaction ends).
          throw error instanceof EmailTakenError ? new AppException('SSO_EMAIL_IN_USE') : error;
        });
      method = 'new_account';
    }
    user.emailVerifiedAt = await this.identities.confirmEmail(user.id, manager);
    if (method === 'new_account') {
      await audit('auth.oidc_account_created', 'user', user.id, {
        after: {
          email: user.email,
          displayName: user.displayName,
          roles: user.roles,
          emailVerifiedAt: user.emailVerifiedAt.toISOString(),
        },
      });
    }
    const linked = await this.identities.insert(
      {
        issuer: person.issuer,
        subject: person.subject,
        userId: user.id,
        email: person.email,
        represents: person.represents,
      },
      manager,
    );
    await audit('auth.oidc_linked', 'user', user.id, {
      after: { identityId: linked.id, issuer: person.issuer, subject: person.subject, method },
    });
    return user;
  }

  /**
   * The account's row, locked until the transaction ends. An admin's account may lose the role below, so the active
   * admins are locked first, in the order StaffService uses (admins by id, then the person): no deadlock between a
   * sign-in and a staff change.
   */
  private async lockAccount(userId: string, manager: EntityManager): Promise<UserEntity> {
    const current = await this.users.findById(userId, manager);
    if (current?.roles.includes('admin')) await this.identities.lockActiveAdmins(manager);
    return this.users.findByIdForUpdate(userId, manager);
  }

  /** The portal roles OIDC_ROLE_MAP can give: only these are added and removed at a sign-in. */
  private mappableRoles(): Role[] {
    return [...new Set(this.config.oidcRoleMap.values())];
  }

  /**
   * Sets the mappable roles to what the claim gives. The last active admin keeps the role (the database refuses it
   * anyway, trigger users_keep_an_admin): the active admins are locked first, as the staff service does, so the check
   * holds under concurrency; the refusal is audited and the sign-in goes on.
   */
  private async applyRoles(
    user: UserEntity,
    fromClaims: Role[],
    manager: EntityManager,
    audit: Audit,
  ): Promise<Role[]> {
    let next = rolesAfterSignIn(user.roles, fromClaims, this.mappableRoles());
    const same = next.length === user.roles.length && next.every((role) => user.roles.includes(role));
    if (same) return user.roles;
    if (user.roles.includes('admin') && !next.includes('admin')) {
      const admins = await this.identities.lockActiveAdmins(manager);
      if (admins.every((id) => id === user.id)) {
        next = sortRoles([...next.filter((role) => role !== 'applicant' || user.roles.includes('applicant')), 'admin']);
        await audit('auth.oidc_last_admin_kept', 'user', user.id, { after: { roles: next } });
        if (next.length === user.roles.length && next.every((role) => user.roles.includes(role))) return user.roles;
      }
    }
    await this.identities.setRoles(user.id, next, manager);
    await audit('auth.oidc_roles_changed', 'user', user.id, { before: { roles: user.roles }, after: { roles: next } });
    return next;
  }

  /**
   * For each enterprise number the identity service says the person may represent: an organisation registered with
   * it gets the person as a member (admin when nobody administers it yet, else member) and, when still to verify, is
   * verified by the identity service. Numbers not registered yet are remembered on the identity (user_identities.
   * represents) and linked at a later sign-in once the organisation is registered.
   */
  private async applyRepresentation(
    userId: string,
    enterpriseNumbers: string[],
    manager: EntityManager,
    audit: Audit,
  ): Promise<Array<{ enterpriseNumber: string; applicantId: string | null; role: string | null }>> {
    const outcome: Array<{ enterpriseNumber: string; applicantId: string | null; role: string | null }> = [];
    for (const enterpriseNumber of [...enterpriseNumbers].sort()) {
      const applicant = await this.identities.applicantByEnterpriseNumberForUpdate(enterpriseNumber, manager);
      if (!applicant) {
        outcome.push({ enterpriseNumber, applicantId: null, role: null });
        continue;
      }
      let membership = await this.identities.membership(applicant.id, userId, manager);
      if (!membership) {
        const role = (await this.identities.hasAdmin(applicant.id, manager)) ? 'member' : 'admin';
        await this.identities.addMember(applicant.id, userId, role, manager);
        membership = { role } as typeof membership & object;
        await audit('applicant.member_joined', 'applicant', applicant.id, {
          after: { userId, role, via: 'oidc', enterpriseNumber },
        });
      }
      const verifiedAt = await this.identities.verifyByIdentityService(applicant.id, manager);
      if (verifiedAt) {
        await audit('applicant.verified', 'applicant', applicant.id, {
          before: { verificationStatus: applicant.verificationStatus },
          after: {
            verificationStatus: 'verified',
            verifiedAt: verifiedAt.toISOString(),
            verifiedBy: null,
            verificationMotivation: SSO_VERIFICATION_MOTIVATION,
          },
        });
      }
      outcome.push({ enterpriseNumber, applicantId: applicant.id, role: membership.role });
    }
    return outcome;
  }
}
