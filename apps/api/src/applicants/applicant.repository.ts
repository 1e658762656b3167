import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApplicantMemberRole } from '@portal/contracts';
import { memberOfApplicant } from '@portal/server';
import { ApplicantEntity, ApplicantMemberEntity } from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';

@Injectable()
export class ApplicantRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insertWithAdmin(
    applicant: Partial<ApplicantEntity>,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ApplicantEntity> {
    const saved = await manager.save(ApplicantEntity, manager.create(ApplicantEntity, applicant));
    await manager.insert(ApplicantMemberEntity, { applicantId: saved.id, userId, role: 'admin' });
    return saved;
  }

  /** The applicants a person acts for, with their role in each. */
  async findForUser(
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<Array<{ applicant: ApplicantEntity; role: ApplicantMemberRole }>> {
    const members = await manager.find(ApplicantMemberEntity, {
      where: { userId },
      relations: { applicant: true },
      order: { createdAt: 'ASC' },
    });
    return members.map((member) => ({ applicant: member.applicant!, role: member.role }));
  }

  /** The applicant if the user acts for it; null otherwise (callers answer 404). */
  async findForMember(
    applicantId: string,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ApplicantEntity | null> {
    const member = await manager.findOne(ApplicantMemberEntity, {
      where: { applicantId, userId },
      relations: { applicant: true },
    });
    return member?.applicant ?? null;
  }

  async isMember(
    applicantId: string,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<boolean> {
    return manager
      .createQueryBuilder(ApplicantEntity, 'applicant')
      .where('applicant.id = :applicantId', { applicantId })
      .andWhere(memberOfApplicant('applicant.id'), { userId })
      .getExists();
  }

  /** The user's membership of the applicant, with the applicant; null when they do not act for it. */
  findMembership(
    applicantId: string,
    userId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ApplicantMemberEntity | null> {
    return manager.findOne(ApplicantMemberEntity, { where: { applicantId, userId }, relations: { applicant: true } });
  }

  /** Everyone who acts for the applicant, with their account, oldest first. */
  membersWithUsers(
    applicantId: string,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<ApplicantMemberEntity[]> {
    return manager.find(ApplicantMemberEntity, {
      where: { applicantId },
      relations: { user: true },
      order: { createdAt: 'ASC' },
    });
  }

  /** Adds the user as a member (nothing when they are one already) and returns their membership as stored. */
  async addMember(
    applicantId: string,
    userId: string,
    role: ApplicantMemberRole,
    manager: EntityManager,
  ): Promise<ApplicantMemberEntity> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(ApplicantMemberEntity)
      .values({ applicantId, userId, role })
      .orIgnore()
      .execute();
    return manager.findOneOrFail(ApplicantMemberEntity, { where: { applicantId, userId } });
  }
}
