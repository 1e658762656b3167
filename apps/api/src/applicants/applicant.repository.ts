import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApplicantMemberRole } from '@portal/contracts';
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
    return (await manager.count(ApplicantMemberEntity, { where: { applicantId, userId } })) > 0;
  }
}
