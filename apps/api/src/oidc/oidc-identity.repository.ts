import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApplicantMemberRole, Role } from '@portal/contracts';
import { SSO_VERIFICATION_MOTIVATION } from '@portal/contracts';
import { ApplicantEntity, ApplicantMemberEntity, UserEntity, UserIdentityEntity } from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';

/** Identities the identity service vouches for, and what a sign-in through it changes. */
@Injectable()
export class OidcIdentityRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Serialises sign-ins of one identity until the transaction ends: two first sign-ins of the same person (two tabs)
   * would otherwise both create an account; the second one waits and then finds the identity the first one linked.
   */
  async lockSubject(issuer: string, subject: string, manager: EntityManager): Promise<void> {
    await manager.query('SELECT pg_advisory_xact_lock(hashtextextended($1, 15))', [JSON.stringify([issuer, subject])]);
  }

  find(issuer: string, subject: string, manager: EntityManager): Promise<UserIdentityEntity | null> {
    return manager.findOne(UserIdentityEntity, { where: { issuer, subject } });
  }

  async insert(
    identity: Pick<UserIdentityEntity, 'issuer' | 'subject' | 'userId' | 'email' | 'represents'>,
    manager: EntityManager,
  ): Promise<UserIdentityEntity> {
    return manager.save(UserIdentityEntity, manager.create(UserIdentityEntity, identity));
  }

  /** What the identity service said at this sign-in. */
  async touch(id: string, email: string, represents: string[], manager: EntityManager): Promise<void> {
    await manager.update(UserIdentityEntity, { id }, { email, represents, lastLoginAt: () => 'now()' });
  }

  /** The identity service vouches for the address: confirmed now, unless it was already. */
  async confirmEmail(userId: string, manager: EntityManager): Promise<Date> {
    // TypeORM answers an UPDATE with [rows, affected].
    const [rows] = await manager.query<[Array<{ email_verified_at: Date }>, number]>(
      'UPDATE users SET email_verified_at = COALESCE(email_verified_at, now()) WHERE id = $1 RETURNING email_verified_at',
      [userId],
    );
    return rows[0].email_verified_at;
  }

  async setRoles(userId: string, roles: Role[], manager: EntityManager): Promise<void> {
    await manager.update(UserEntity, { id: userId }, { roles });
  }

  /**
   * Locks every active admin's row in id order (as StaffRepository.lockActiveAdmins does, so both paths serialise
   * without deadlocks) and returns their ids.
   */
  async lockActiveAdmins(manager: EntityManager): Promise<string[]> {
    const rows = await manager
      .createQueryBuilder(UserEntity, 'user')
      .select('user.id', 'id')
      .where(`'admin' = ANY(user.roles)`)
      .andWhere('user.deactivated_at IS NULL')
      .orderBy('user.id', 'ASC')
      .setLock('pessimistic_write')
      .getRawMany<{ id: string }>();
    return rows.map((row) => row.id);
  }

  /** The organisation with this enterprise number, locked until the transaction ends; null when none registered. */
  applicantByEnterpriseNumberForUpdate(
    enterpriseNumber: string,
    manager: EntityManager,
  ): Promise<ApplicantEntity | null> {
    return manager.findOne(ApplicantEntity, { where: { enterpriseNumber }, lock: { mode: 'pessimistic_write' } });
  }

  membership(applicantId: string, userId: string, manager: EntityManager): Promise<ApplicantMemberEntity | null> {
    return manager.findOne(ApplicantMemberEntity, { where: { applicantId, userId } });
  }

  /** Whether someone administers the applicant (the caller holds the applicant's row lock). */
  hasAdmin(applicantId: string, manager: EntityManager): Promise<boolean> {
    return manager.exists(ApplicantMemberEntity, { where: { applicantId, role: 'admin' } });
  }

  async addMember(
    applicantId: string,
    userId: string,
    role: ApplicantMemberRole,
    manager: EntityManager,
  ): Promise<void> {
    // A membership made at the same moment by an accepted invitation wins; nothing is changed then.
    await manager
      .createQueryBuilder()
      .insert()
      .into(ApplicantMemberEntity)
      .values({ applicantId, userId, role })
      .orIgnore()
      .execute();
  }

  /**
   * Marks an applicant still to verify as verified by the identity service (no admin: verified_by stays null);
   * returns the moment, or null when it was not "to verify" (verified already, or rejected by an admin: that
   * decision stands).
   */
  async verifyByIdentityService(applicantId: string, manager: EntityManager): Promise<Date | null> {
    const [rows] = await manager.query<[Array<{ verified_at: Date }>, number]>(
      `UPDATE applicants SET verification_status = 'verified', verified_at = now(), verified_by = NULL,
         verification_motivation = $2
       WHERE id = $1 AND verification_status = 'to_verify' RETURNING verified_at`,
      [applicantId, SSO_VERIFICATION_MOTIVATION],
    );
    return rows[0]?.verified_at ?? null;
  }
}
