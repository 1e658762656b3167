import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { ApplicantVerificationStatus } from '@portal/contracts';
import { ApplicantEntity, ApplicantMemberEntity } from '@portal/server';
import { DataSource, EntityManager } from 'typeorm';

/** The administration's verification of applicants' claims to their enterprise number or NIS code. */
@Injectable()
export class ApplicantVerificationRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Applicants with this status: to verify, oldest registration first (the queue the administration works through);
   * decided ones, latest decision first.
   */
  listByStatus(status: ApplicantVerificationStatus, limit: number): Promise<ApplicantEntity[]> {
    return this.dataSource.manager.find(ApplicantEntity, {
      where: { verificationStatus: status },
      order: status === 'to_verify' ? { createdAt: 'ASC' } : { verifiedAt: 'DESC', createdAt: 'DESC' },
      take: limit,
    });
  }

  /** The admins (with their accounts) of these applicants, oldest membership first. */
  admins(applicantIds: string[], manager: EntityManager = this.dataSource.manager): Promise<ApplicantMemberEntity[]> {
    if (applicantIds.length === 0) return Promise.resolve([]);
    return manager
      .createQueryBuilder(ApplicantMemberEntity, 'm')
      .innerJoinAndSelect('m.user', 'u')
      .where('m.applicant_id IN (:...ids)', { ids: applicantIds })
      .andWhere(`m.role = 'admin'`)
      .orderBy('m.created_at', 'ASC')
      .getMany();
  }

  /**
   * Records the decision only while the applicant is still to verify: one conditional statement, so of two admins
   * deciding at once exactly one changes the row (the other gets null and answers 409). Returns the row as stored.
   */
  async decide(
    applicantId: string,
    decision: 'verified' | 'rejected',
    motivation: string | null,
    adminId: string,
    manager: EntityManager,
  ): Promise<ApplicantEntity | null> {
    const result = await manager
      .createQueryBuilder()
      .update(ApplicantEntity)
      .set({
        verificationStatus: decision,
        verifiedAt: () => 'now()',
        verifiedBy: adminId,
        verificationMotivation: motivation,
      })
      .where(`id = :applicantId AND verification_status = 'to_verify'`, { applicantId })
      .execute();
    if ((result.affected ?? 0) === 0) return null;
    return manager.findOneByOrFail(ApplicantEntity, { id: applicantId });
  }

  exists(applicantId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    return manager.existsBy(ApplicantEntity, { id: applicantId });
  }
}
